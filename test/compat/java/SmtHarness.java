import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/**
 * Runs the REAL Connect transformations (connect-transforms jar) over JSON vectors read from stdin,
 * in one JVM: records come in as JsonConverter envelopes (schemas.enable=true) and go out the same way,
 * so both sides are compared through the real wire format. Also dumps each plugin's CONFIG_DEF.
 * Input: {"defs":[className...], "vectors":[{id, chain:[{type, config, predicate?:{type, config}, negate?}], record:{...}}]}
 * Bench mode (`SmtHarness bench`), a line protocol so that a caller can interleave its rounds with another
 * process's: the first stdin line is {"chain":[...], "records":[record...], "n":N, "warmup":W}; builds the
 * chain once, converts the records once, applies the chain W times (JIT warm-up) and prints "ready". Each
 * further line "round" applies the chain N times cycling through the records, timed with System.nanoTime,
 * and prints the ns/record. At the end of stdin prints {"applied": applications that returned a record}.
 */
public class SmtHarness {
    static final ObjectMapper M = new ObjectMapper();
    static final JsonConverter CONV = new JsonConverter();

    public static void main(String[] args) throws Exception {
        Map<String, String> cc = new HashMap<>();
        cc.put("schemas.enable", "true");
        CONV.configure(cc, false);
        if (args.length > 0 && "bench".equals(args[0])) {
            bench(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
            return;
        }
        JsonNode in = M.readTree(System.in);
        ObjectNode out = M.createObjectNode();
        ObjectNode defs = out.putObject("defs");
        for (JsonNode cn : in.path("defs")) defs.set(cn.asText(), dumpDef(cn.asText()));
        ArrayNode results = out.putArray("results");
        for (JsonNode v : in.path("vectors")) results.add(run(v));
        System.out.write(M.writeValueAsBytes(out));
        System.out.flush();
    }

    static JsonNode dumpDef(String className) {
        ObjectNode o = M.createObjectNode();
        try {
            Object p = Class.forName(className).getDeclaredConstructor().newInstance();
            ConfigDef def = p instanceof Transformation ? ((Transformation<?>) p).config() : ((Predicate<?>) p).config();
            ArrayNode keys = o.putArray("keys");
            for (ConfigDef.ConfigKey k : def.configKeys().values()) {
                ObjectNode kn = keys.addObject();
                kn.put("name", k.name);
                kn.put("type", k.type.name());
                kn.put("required", !k.hasDefault());
                if (k.hasDefault()) kn.put("default", ConfigDef.convertToString(k.defaultValue, k.type));
                kn.put("importance", k.importance.name());
                kn.put("documentation", k.documentation);
                kn.put("validator", k.validator == null ? null : k.validator.toString());
            }
        } catch (Throwable t) {
            o.put("error", t.toString());
        }
        return o;
    }

    static SchemaAndValue toConnect(String topic, JsonNode envelope) throws Exception {
        if (envelope == null || envelope.isNull()) return CONV.toConnectData(topic, null);
        return CONV.toConnectData(topic, envelope.asText().getBytes(StandardCharsets.UTF_8));
    }

    static String fromConnect(String topic, org.apache.kafka.connect.data.Schema s, Object v) {
        byte[] b = CONV.fromConnectData(topic, s, v);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    static Map<String, Object> configMap(JsonNode cfg) {
        Map<String, Object> m = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = cfg.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            m.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
        }
        return m;
    }

    static void putError(ObjectNode o, String field, Throwable t) {
        ObjectNode e = o.putObject(field);
        e.put("class", t.getClass().getName());
        e.put("message", t.getMessage());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static void bench(BufferedReader stdin) throws Exception {
        JsonNode in = M.readTree(stdin.readLine());
        List<Transformation> transforms = new ArrayList<>();
        for (JsonNode step : in.path("chain")) {
            Transformation t = (Transformation) Class.forName(step.path("type").asText()).getDeclaredConstructor().newInstance();
            t.configure(configMap(step.path("config")));
            transforms.add(t);
        }
        List<ConnectRecord> pool = new ArrayList<>();
        for (JsonNode r : in.path("records")) pool.add(record(r));
        long n = in.path("n").asLong();
        long warmup = in.path("warmup").asLong();
        long applied = 0;
        int size = pool.size();
        for (long i = 0; i < warmup; i++) applied += applyChain(transforms, pool.get((int) (i % size))) == null ? 0 : 1;
        PrintStream out = System.out;
        out.println("ready");
        out.flush();
        for (String line = stdin.readLine(); "round".equals(line); line = stdin.readLine()) {
            long start = System.nanoTime();
            for (long i = 0; i < n; i++) applied += applyChain(transforms, pool.get((int) (i % size))) == null ? 0 : 1;
            out.println((double) (System.nanoTime() - start) / n);
            out.flush();
        }
        out.println("{\"applied\":" + applied + "}");
        out.flush();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static ConnectRecord applyChain(List<Transformation> transforms, ConnectRecord rec) {
        for (int i = 0; i < transforms.size() && rec != null; i++) rec = (ConnectRecord) transforms.get(i).apply(rec);
        return rec;
    }

    static ConnectRecord<?> record(JsonNode r) throws Exception {
        String topic = r.path("topic").asText();
        SchemaAndValue key = toConnect(topic, r.get("key"));
        SchemaAndValue value = toConnect(topic, r.get("value"));
        ConnectHeaders headers = new ConnectHeaders();
        for (JsonNode h : r.path("headers")) headers.add(h.get(0).asText(), toConnect(topic, h.get(1)));
        Integer partition = r.hasNonNull("partition") ? r.get("partition").asInt() : null;
        Long ts = r.hasNonNull("timestamp") ? r.get("timestamp").asLong() : null;
        if ("source".equals(r.path("kind").asText()))
            return new SourceRecord(null, null, topic, partition, key.schema(), key.value(), value.schema(), value.value(), ts, headers);
        return new SinkRecord(topic, partition == null ? 0 : partition, key.schema(), key.value(), value.schema(), value.value(),
                r.path("offset").asLong(0), ts, ts == null ? TimestampType.NO_TIMESTAMP_TYPE : TimestampType.CREATE_TIME, headers);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static JsonNode run(JsonNode v) {
        ObjectNode o = M.createObjectNode();
        o.put("id", v.path("id").asText());
        List<Transformation> transforms = new ArrayList<>();
        List<Predicate> predicates = new ArrayList<>();
        List<Boolean> negates = new ArrayList<>();
        try {
            for (JsonNode step : v.path("chain")) {
                Transformation t = (Transformation) Class.forName(step.path("type").asText()).getDeclaredConstructor().newInstance();
                t.configure(configMap(step.path("config")));
                transforms.add(t);
                Predicate p = null;
                if (step.hasNonNull("predicate")) {
                    p = (Predicate) Class.forName(step.path("predicate").path("type").asText()).getDeclaredConstructor().newInstance();
                    p.configure(configMap(step.path("predicate").path("config")));
                }
                predicates.add(p);
                negates.add(step.path("negate").asBoolean(false));
            }
        } catch (Throwable t) {
            putError(o, "configError", t);
            return o;
        }
        try {
            ConnectRecord rec = record(v.path("record"));
            for (int i = 0; i < transforms.size() && rec != null; i++) {
                Predicate p = predicates.get(i);
                if (p == null || negates.get(i) ^ p.test(rec)) rec = (ConnectRecord) transforms.get(i).apply(rec);
            }
            if (rec == null) {
                o.put("dropped", true);
                return o;
            }
            o.put("topic", rec.topic());
            if (rec.kafkaPartition() == null) o.putNull("partition"); else o.put("partition", rec.kafkaPartition());
            if (rec.timestamp() == null) o.putNull("timestamp"); else o.put("timestamp", rec.timestamp());
            o.put("key", fromConnect(rec.topic(), rec.keySchema(), rec.key()));
            o.put("value", fromConnect(rec.topic(), rec.valueSchema(), rec.value()));
            ArrayNode hs = o.putArray("headers");
            for (Header h : (Iterable<Header>) rec.headers()) {
                ArrayNode pair = hs.addArray();
                pair.add(h.key());
                pair.add(fromConnect(rec.topic(), h.schema(), h.value()));
            }
        } catch (Throwable t) {
            putError(o, "error", t);
        }
        return o;
    }
}

// Differential-test harness: runs the real Kafka Connect converters over test vectors.
// Reads one JSON vector per line on stdin, writes one JSON result per line on stdout.
// Value/schema encoding ("canonical form") is shared with test/compat/json-converter.test.ts.

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.converters.ByteArrayConverter;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;
import org.apache.kafka.connect.storage.StringConverter;

public class JsonConverterHarness {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(System.out, true, "UTF-8");
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) continue;
            JsonNode vector = MAPPER.readTree(line);
            ObjectNode result;
            try {
                result = run(vector);
            } catch (Throwable t) {
                result = F.objectNode();
                result.put("ok", false);
                result.put("error", t.getClass().getName());
                result.put("message", t.getMessage());
            }
            out.println(MAPPER.writeValueAsString(result));
        }
    }

    private static ObjectNode run(JsonNode v) {
        String op = v.get("op").asText();
        ObjectNode result = F.objectNode();
        result.put("ok", true);
        switch (op) {
            case "toConnect": {
                JsonConverter c = converter(v);
                SchemaAndValue sv = c.toConnectData("t", bytes(v.get("bytes")));
                result.set("schema", schemaToJson(sv.schema()));
                result.set("value", valueToJson(sv.schema(), sv.value()));
                return result;
            }
            case "fromConnect": {
                JsonConverter c = converter(v);
                Schema schema = schemaFromJson(v.get("schema"));
                Object value = valueFromJson(schema, v.get("value"));
                byte[] b = c.fromConnectData("t", schema, value);
                result.set("bytes", b == null ? F.nullNode() : F.textNode(Base64.getEncoder().encodeToString(b)));
                return result;
            }
            case "headerToConnect": {
                SimpleHeaderConverter c = new SimpleHeaderConverter();
                c.configure(new HashMap<>());
                SchemaAndValue sv = c.toConnectHeader("t", "h", bytes(v.get("bytes")));
                if (sv == null) {
                    result.set("schema", F.nullNode());
                    result.set("value", F.nullNode());
                    result.put("nullResult", true);
                    return result;
                }
                result.set("schema", schemaToJson(sv.schema()));
                result.set("value", valueToJson(sv.schema(), sv.value()));
                return result;
            }
            case "headerFromConnect": {
                SimpleHeaderConverter c = new SimpleHeaderConverter();
                c.configure(new HashMap<>());
                Schema schema = schemaFromJson(v.get("schema"));
                Object value = valueFromJson(schema, v.get("value"));
                byte[] b = c.fromConnectHeader("t", "h", schema, value);
                result.set("bytes", b == null ? F.nullNode() : F.textNode(Base64.getEncoder().encodeToString(b)));
                return result;
            }
            case "stringFromConnect": {
                StringConverter c = new StringConverter();
                c.configure(stringConfig(v), false);
                Schema schema = schemaFromJson(v.get("schema"));
                byte[] b = c.fromConnectData("t", schema, valueFromJson(schema, v.get("value")));
                result.set("bytes", b == null ? F.nullNode() : F.textNode(Base64.getEncoder().encodeToString(b)));
                return result;
            }
            case "stringToConnect": {
                StringConverter c = new StringConverter();
                c.configure(stringConfig(v), false);
                SchemaAndValue sv = c.toConnectData("t", bytes(v.get("bytes")));
                result.set("schema", schemaToJson(sv.schema()));
                result.set("value", valueToJson(sv.schema(), sv.value()));
                return result;
            }
            case "byteArrayFromConnect": {
                ByteArrayConverter c = new ByteArrayConverter();
                c.configure(new HashMap<>(), false);
                Schema schema = schemaFromJson(v.get("schema"));
                byte[] b = c.fromConnectData("t", schema, valueFromJson(schema, v.get("value")));
                result.set("bytes", b == null ? F.nullNode() : F.textNode(Base64.getEncoder().encodeToString(b)));
                return result;
            }
            default:
                throw new IllegalArgumentException("unknown op " + op);
        }
    }

    private static JsonConverter converter(JsonNode v) {
        Map<String, Object> conf = new HashMap<>();
        JsonNode c = v.get("config");
        if (c != null) {
            Iterator<Map.Entry<String, JsonNode>> it = c.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                conf.put(e.getKey(), e.getValue().asText());
            }
        }
        JsonConverter converter = new JsonConverter();
        converter.configure(conf, false);
        return converter;
    }

    private static Map<String, Object> stringConfig(JsonNode v) {
        Map<String, Object> conf = new HashMap<>();
        JsonNode c = v.get("config");
        if (c != null) {
            Iterator<Map.Entry<String, JsonNode>> it = c.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                conf.put(e.getKey(), e.getValue().asText());
            }
        }
        return conf;
    }

    private static byte[] bytes(JsonNode n) {
        if (n == null || n.isNull()) return null;
        return Base64.getDecoder().decode(n.asText());
    }

    // ---- schema canonical form ----
    static JsonNode schemaToJson(Schema s) {
        if (s == null) return F.nullNode();
        ObjectNode o = F.objectNode();
        o.put("type", s.type().name());
        o.put("optional", s.isOptional());
        if (s.name() != null) o.put("name", s.name());
        if (s.version() != null) o.put("version", s.version());
        if (s.doc() != null) o.put("doc", s.doc());
        if (s.parameters() != null) {
            ObjectNode p = F.objectNode();
            for (Map.Entry<String, String> e : s.parameters().entrySet()) p.put(e.getKey(), e.getValue());
            o.set("parameters", p);
        }
        if (s.defaultValue() != null) o.set("default", valueToJson(s, s.defaultValue()));
        switch (s.type()) {
            case STRUCT: {
                ArrayNode fields = F.arrayNode();
                for (Field f : s.fields()) {
                    ObjectNode fo = F.objectNode();
                    fo.put("name", f.name());
                    fo.set("schema", schemaToJson(f.schema()));
                    fields.add(fo);
                }
                o.set("fields", fields);
                break;
            }
            case MAP:
                o.set("keySchema", schemaToJson(s.keySchema()));
                o.set("valueSchema", schemaToJson(s.valueSchema()));
                break;
            case ARRAY:
                o.set("valueSchema", schemaToJson(s.valueSchema()));
                break;
            default:
                break;
        }
        return o;
    }

    static Schema schemaFromJson(JsonNode n) {
        if (n == null || n.isNull()) return null;
        Schema.Type type = Schema.Type.valueOf(n.get("type").asText());
        SchemaBuilder b;
        switch (type) {
            case STRUCT:
                b = SchemaBuilder.struct();
                for (JsonNode f : n.get("fields")) b.field(f.get("name").asText(), schemaFromJson(f.get("schema")));
                break;
            case MAP:
                b = SchemaBuilder.map(schemaFromJson(n.get("keySchema")), schemaFromJson(n.get("valueSchema")));
                break;
            case ARRAY:
                b = SchemaBuilder.array(schemaFromJson(n.get("valueSchema")));
                break;
            default:
                b = SchemaBuilder.type(type);
        }
        if (n.path("optional").asBoolean(false)) b.optional();
        if (n.hasNonNull("name")) b.name(n.get("name").asText());
        if (n.hasNonNull("version")) b.version(n.get("version").asInt());
        if (n.hasNonNull("doc")) b.doc(n.get("doc").asText());
        if (n.hasNonNull("parameters")) {
            Iterator<Map.Entry<String, JsonNode>> it = n.get("parameters").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                b.parameter(e.getKey(), e.getValue().asText());
            }
        }
        if (n.hasNonNull("default")) b.defaultValue(valueFromJson(b.build(), n.get("default")));
        return b.build();
    }

    // ---- value canonical form: {"t": tag, "v": ...} ----
    static JsonNode valueToJson(Schema schema, Object value) {
        if (value == null) return F.nullNode();
        ObjectNode o = F.objectNode();
        if (value instanceof Byte) { o.put("t", "i8"); o.put("v", value.toString()); }
        else if (value instanceof Short) { o.put("t", "i16"); o.put("v", value.toString()); }
        else if (value instanceof Integer) { o.put("t", "i32"); o.put("v", value.toString()); }
        else if (value instanceof Long) { o.put("t", "i64"); o.put("v", value.toString()); }
        else if (value instanceof Float) { o.put("t", "f32"); o.put("v", value.toString()); }
        else if (value instanceof Double) { o.put("t", "f64"); o.put("v", value.toString()); }
        else if (value instanceof Boolean) { o.put("t", "bool"); o.put("v", (Boolean) value); }
        else if (value instanceof String) { o.put("t", "str"); o.put("v", (String) value); }
        else if (value instanceof byte[]) { o.put("t", "bytes"); o.put("v", Base64.getEncoder().encodeToString((byte[]) value)); }
        else if (value instanceof ByteBuffer) { o.put("t", "bytes"); o.put("v", Base64.getEncoder().encodeToString(((ByteBuffer) value).array())); }
        else if (value instanceof BigDecimal) {
            BigDecimal d = (BigDecimal) value;
            o.put("t", "decimal"); o.put("unscaled", d.unscaledValue().toString()); o.put("scale", d.scale());
        }
        else if (value instanceof java.util.Date) { o.put("t", "date"); o.put("v", Long.toString(((java.util.Date) value).getTime())); }
        else if (value instanceof List) {
            Schema elem = schema != null && schema.type() == Schema.Type.ARRAY ? schema.valueSchema() : null;
            ArrayNode a = F.arrayNode();
            for (Object e : (List<?>) value) a.add(valueToJson(elem, e));
            o.put("t", "array"); o.set("v", a);
        }
        else if (value instanceof Map) {
            Schema ks = schema != null && schema.type() == Schema.Type.MAP ? schema.keySchema() : null;
            Schema vs = schema != null && schema.type() == Schema.Type.MAP ? schema.valueSchema() : null;
            ArrayNode a = F.arrayNode();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                ArrayNode pair = F.arrayNode();
                pair.add(valueToJson(ks, e.getKey()));
                pair.add(valueToJson(vs, e.getValue()));
                a.add(pair);
            }
            o.put("t", "map"); o.set("v", a);
        }
        else if (value instanceof Struct) {
            Struct s = (Struct) value;
            ArrayNode a = F.arrayNode();
            for (Field f : s.schema().fields()) {
                ArrayNode pair = F.arrayNode();
                pair.add(f.name());
                pair.add(valueToJson(f.schema(), s.getWithoutDefault(f.name())));
                a.add(pair);
            }
            o.put("t", "struct"); o.set("v", a);
        }
        else { o.put("t", "unknown"); o.put("v", value.getClass().getName() + ":" + value); }
        return o;
    }

    static Object valueFromJson(Schema schema, JsonNode n) {
        if (n == null || n.isNull()) return null;
        String t = n.get("t").asText();
        JsonNode v = n.get("v");
        switch (t) {
            case "i8": return Byte.valueOf(v.asText());
            case "i16": return Short.valueOf(v.asText());
            case "i32": return Integer.valueOf(v.asText());
            case "i64": return Long.valueOf(v.asText());
            case "f32": return Float.valueOf(v.asText());
            case "f64": return Double.valueOf(v.asText());
            case "bool": return v.asBoolean();
            case "str": return v.asText();
            case "bytes": return Base64.getDecoder().decode(v.asText());
            case "decimal": return new BigDecimal(new BigInteger(n.get("unscaled").asText()), n.get("scale").asInt());
            case "date": return new java.util.Date(Long.parseLong(v.asText()));
            case "array": {
                Schema elem = schema != null ? schema.valueSchema() : null;
                List<Object> list = new ArrayList<>();
                for (JsonNode e : v) list.add(valueFromJson(elem, e));
                return list;
            }
            case "map": {
                Schema ks = schema != null ? schema.keySchema() : null;
                Schema vs = schema != null ? schema.valueSchema() : null;
                Map<Object, Object> map = new LinkedHashMap<>();
                for (JsonNode e : v) map.put(valueFromJson(ks, e.get(0)), valueFromJson(vs, e.get(1)));
                return map;
            }
            case "struct": {
                Struct s = new Struct(schema);
                for (JsonNode e : v) {
                    String name = e.get(0).asText();
                    Field f = schema.field(name);
                    s.put(name, valueFromJson(f.schema(), e.get(1)));
                }
                return s;
            }
            default:
                throw new IllegalArgumentException("unknown tag " + t);
        }
    }
}

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.runtime.ConnectMetrics;
import org.apache.kafka.connect.runtime.SinkConnectorConfig;
import org.apache.kafka.connect.runtime.errors.DeadLetterQueueReporter;
import org.apache.kafka.connect.runtime.errors.ErrorHandlingMetrics;
import org.apache.kafka.connect.runtime.errors.ErrorReporter;
import org.apache.kafka.connect.runtime.errors.ProcessingContext;
import org.apache.kafka.connect.runtime.errors.RetryWithToleranceOperator;
import org.apache.kafka.connect.runtime.errors.Stage;
import org.apache.kafka.connect.runtime.errors.ToleranceType;
import org.apache.kafka.connect.runtime.isolation.Plugins;
import org.apache.kafka.connect.runtime.standalone.StandaloneConfig;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.util.ConnectorTaskId;

/**
 * Runs consumed records through the REAL Connect 4.4 error-handling path of a sink task: key
 * (StringConverter) and value (JsonConverter, schemas.enable=true) conversion and one transformation,
 * each under the real RetryWithToleranceOperator (errors.tolerance=all), reporting to the real
 * DeadLetterQueueReporter (created with createAndSetup against the broker). Prints, per record,
 * whether it failed and at which stage; the DLQ topic is then read by the TypeScript test.
 */
public class SmtDlqHarness {
    static final ObjectMapper M = new ObjectMapper();

    static byte[] b64(JsonNode n) {
        return n == null || n.isNull() ? null : Base64.getDecoder().decode(n.asText());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        JsonNode in = M.readTree(System.in);
        String bootstrap = in.path("bootstrap").asText();
        Map<String, String> connProps = new HashMap<>();
        connProps.put("name", in.path("connector").asText());
        connProps.put("connector.class", "org.apache.kafka.connect.file.FileStreamSinkConnector");
        connProps.put("topics", "unused");
        connProps.put("errors.tolerance", "all");
        connProps.put("errors.deadletterqueue.topic.name", in.path("dlqTopic").asText());
        connProps.put("errors.deadletterqueue.topic.replication.factor", "1");
        connProps.put("errors.deadletterqueue.context.headers.enable", in.path("contextHeaders").asText("true"));
        Map<String, String> workerProps = new HashMap<>();
        workerProps.put("bootstrap.servers", bootstrap);
        workerProps.put("key.converter", StringConverter.class.getName());
        workerProps.put("value.converter", JsonConverter.class.getName());
        workerProps.put("offset.storage.file.filename", "/dev/null");
        Plugins plugins = new Plugins(new HashMap<>());
        SinkConnectorConfig sinkConfig = new SinkConnectorConfig(plugins, connProps);
        Map<String, String> logProps = new HashMap<>(connProps);
        logProps.put("errors.log.enable", "true");
        logProps.put("errors.log.include.messages", "true");
        SinkConnectorConfig logConfig = new SinkConnectorConfig(plugins, logProps);
        ConnectorTaskId id = new ConnectorTaskId(in.path("connector").asText(), in.path("task").asInt());
        ConnectMetrics metrics = new ConnectMetrics("harness", new StandaloneConfig(workerProps), Time.SYSTEM, "cluster");
        ErrorHandlingMetrics ehm = new ErrorHandlingMetrics(id, metrics);
        Map<String, Object> adminProps = new HashMap<>();
        adminProps.put("bootstrap.servers", bootstrap);
        Map<String, Object> producerProps = new HashMap<>();
        producerProps.put("bootstrap.servers", bootstrap);
        producerProps.put("key.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        producerProps.put("value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        DeadLetterQueueReporter dlq = DeadLetterQueueReporter.createAndSetup(adminProps, id, sinkConfig, producerProps, ehm);
        RetryWithToleranceOperator<ConsumerRecord<byte[], byte[]>> op =
                new RetryWithToleranceOperator<>(0, 60000, ToleranceType.ALL, Time.SYSTEM, ehm);
        List<ErrorReporter<ConsumerRecord<byte[], byte[]>>> reporters = new ArrayList<>();
        reporters.add(dlq);
        op.reporters(reporters);

        StringConverter keyConverter = new StringConverter();
        keyConverter.configure(new HashMap<>(), true);
        JsonConverter valueConverter = new JsonConverter();
        Map<String, String> jc = new HashMap<>();
        jc.put("schemas.enable", "true");
        valueConverter.configure(jc, false);
        Transformation transform = null;
        if (in.hasNonNull("transform")) {
            transform = (Transformation) Class.forName(in.path("transform").path("type").asText()).getDeclaredConstructor().newInstance();
            Map<String, Object> tc = new HashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = in.path("transform").path("config").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                tc.put(e.getKey(), e.getValue().asText());
            }
            transform.configure(tc);
        }

        // LogReporter.message(context) is package-private ("visible for testing"): read it reflectively.
        org.apache.kafka.connect.runtime.errors.LogReporter.Sink logReporter =
                new org.apache.kafka.connect.runtime.errors.LogReporter.Sink(id, logConfig, ehm);
        java.lang.reflect.Method message = org.apache.kafka.connect.runtime.errors.LogReporter.class
                .getDeclaredMethod("message", ProcessingContext.class);
        message.setAccessible(true);
        ArrayNode out = M.createArrayNode();
        for (JsonNode r : in.path("records")) {
            RecordHeaders headers = new RecordHeaders();
            for (JsonNode h : r.path("headers")) headers.add(h.get(0).asText(), b64(h.get(1)));
            byte[] key = b64(r.get("key"));
            byte[] value = b64(r.get("value"));
            String topic = r.path("topic").asText();
            ConsumerRecord<byte[], byte[]> cr = new ConsumerRecord<>(topic, r.path("partition").asInt(), r.path("offset").asLong(),
                    r.path("timestamp").asLong(), TimestampType.CREATE_TIME, key == null ? -1 : key.length, value == null ? -1 : value.length,
                    key, value, headers, Optional.empty());
            ProcessingContext<ConsumerRecord<byte[], byte[]>> ctx = new ProcessingContext<>(cr);
            SchemaAndValue k = op.execute(ctx, () -> keyConverter.toConnectData(topic, cr.headers(), cr.key()), Stage.KEY_CONVERTER, keyConverter.getClass());
            SchemaAndValue v = op.execute(ctx, () -> valueConverter.toConnectData(topic, cr.headers(), cr.value()), Stage.VALUE_CONVERTER, valueConverter.getClass());
            if (!ctx.failed() && transform != null) {
                SinkRecord rec = new SinkRecord(topic, cr.partition(), k.schema(), k.value(), v.schema(), v.value(), cr.offset(), cr.timestamp(),
                        cr.timestampType(), new ConnectHeaders());
                final Transformation t = transform;
                op.execute(ctx, () -> t.apply(rec), Stage.TRANSFORMATION, transform.getClass());
            }
            ObjectNode o = out.addObject();
            o.put("failed", ctx.failed());
            o.put("stage", ctx.failed() ? ctx.stage().name() : null);
            o.put("log", ctx.failed() ? (String) message.invoke(logReporter, ctx) : null);
        }
        dlq.close();
        System.out.print("@@RESULT@@");
        System.out.write(M.writeValueAsBytes(out));
        System.out.flush();
        metrics.stop();
        System.exit(0);
    }
}

package ca.isp.billing.jobs.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * What a worker accepts from the queue: Spring Batch's StepExecutionRequest as our JSON, and
 * nothing else. A Java-serialized object (the classic remote code execution), another type, an
 * extra field or a step that is not a partition step is refused before anything is looked up.
 */
class PartitionRequestConverterTest {

    private final PartitionRequestConverter converter = new PartitionRequestConverter();

    @Test
    void aRequestGoesOutAsJsonAndComesBackTheSame() {
        Message message = converter.toMessage(new StepExecutionRequest("renderPartition", 4711L), new MessageProperties());

        assertThat(new String(message.getBody(), StandardCharsets.UTF_8))
                .isEqualTo("{\"stepName\":\"renderPartition\",\"stepExecutionId\":4711}");
        assertThat(message.getMessageProperties().getContentType()).isEqualTo("application/json");
        StepExecutionRequest back = (StepExecutionRequest) converter.fromMessage(message);
        assertThat(back.getStepName()).isEqualTo("renderPartition");
        assertThat(back.getStepExecutionId()).isEqualTo(4711L);
    }

    @Test
    void aJavaSerializedObjectIsRefusedUnread() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new HashMap<>(java.util.Map.of("stepName", "renderPartition")));
        }
        MessageProperties properties = new MessageProperties();
        properties.setContentType(MessageProperties.CONTENT_TYPE_SERIALIZED_OBJECT);
        properties.setHeader("__TypeId__", PartitionRequestConverter.TYPE);

        assertThatThrownBy(() -> converter.fromMessage(new Message(bytes.toByteArray(), properties)))
                .isInstanceOf(MessageConversionException.class).hasMessageContaining("not a partition request");
    }

    @Test
    void anotherTypeNameIsRefusedEvenAsJson() {
        // what Spring AMQP's own JSON converter would turn into a class to instantiate
        assertThatThrownBy(() -> converter.fromMessage(json("{\"stepName\":\"renderPartition\",\"stepExecutionId\":1}",
                "java.util.HashMap"))).isInstanceOf(MessageConversionException.class)
                .hasMessageContaining("not a partition request");
    }

    @Test
    void unknownFieldsStepsAndIdsAreRefused() {
        assertThatThrownBy(() -> converter.fromMessage(json(
                "{\"stepName\":\"renderPartition\",\"stepExecutionId\":1,\"@class\":\"x.Evil\"}", PartitionRequestConverter.TYPE)))
                .hasMessageContaining("unknown field '@class'");
        assertThatThrownBy(() -> converter.fromMessage(json(
                "{\"stepName\":\"billingCycle\",\"stepExecutionId\":1}", PartitionRequestConverter.TYPE)))
                .hasMessageContaining("worker steps are named <step>Partition");
        assertThatThrownBy(() -> converter.fromMessage(json(
                "{\"stepName\":\"renderPartition\",\"stepExecutionId\":-3}", PartitionRequestConverter.TYPE)))
                .hasMessageContaining("positive step execution id");
        assertThatThrownBy(() -> converter.fromMessage(json("[1,2]", PartitionRequestConverter.TYPE)))
                .hasMessageContaining("not a JSON object");
    }

    @Test
    void onlyPartitionRequestsAreSent() {
        assertThatThrownBy(() -> converter.toMessage("hello", new MessageProperties()))
                .isInstanceOf(MessageConversionException.class).hasMessageContaining("java.lang.String");
    }

    private static Message json(String body, String type) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setHeader("__TypeId__", type);
        return new Message(body.getBytes(StandardCharsets.UTF_8), properties);
    }
}

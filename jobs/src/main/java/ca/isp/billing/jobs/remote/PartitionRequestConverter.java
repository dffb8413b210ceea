package ca.isp.billing.jobs.remote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.batch.integration.partition.StepExecutionRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Partition requests on the wire, and nothing else: Spring Batch's {@link StepExecutionRequest}
 * (a step name and a step execution id) as a small JSON object. The allow-list is that one
 * class: a message of another type, another content type (a Java-serialized object above all:
 * deserializing one runs code of the sender's choosing), an unknown field or a step name that
 * is not one of the partitioned steps' is refused, and the broker drops it (no requeue).
 */
public final class PartitionRequestConverter implements MessageConverter {

    /** The type header's value: what the message is, in our words, never a Java class name to load. */
    static final String TYPE = "billing.partition-request.v1";
    static final String TYPE_HEADER = "__TypeId__";
    private static final List<String> FIELDS = List.of("stepName", "stepExecutionId");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Message toMessage(Object object, MessageProperties properties) {
        if (!(object instanceof StepExecutionRequest request)) {
            throw new MessageConversionException("only partition requests (StepExecutionRequest) go to the workers,"
                    + " not " + (object == null ? "null" : object.getClass().getName()));
        }
        ObjectNode json = JSON.createObjectNode();
        json.put("stepName", checkedStepName(request.getStepName()));
        json.put("stepExecutionId", request.getStepExecutionId());
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setContentEncoding("UTF-8");
        properties.setHeader(TYPE_HEADER, TYPE);
        return new Message(json.toString().getBytes(StandardCharsets.UTF_8), properties);
    }

    @Override
    public Object fromMessage(Message message) {
        MessageProperties properties = message.getMessageProperties();
        if (!MessageProperties.CONTENT_TYPE_JSON.equals(properties.getContentType())
                || !TYPE.equals(properties.getHeader(TYPE_HEADER))) {
            throw new MessageConversionException("refused a message that is not a partition request (content type "
                    + properties.getContentType() + ", type " + properties.getHeader(TYPE_HEADER) + ")");
        }
        JsonNode json;
        try {
            json = JSON.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MessageConversionException("refused a partition request that is not JSON: " + e.getMessage());
        }
        if (json == null || !json.isObject()) {
            throw new MessageConversionException("refused a partition request that is not a JSON object");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new MessageConversionException("refused a partition request with the unknown field '" + name + "'");
            }
        }
        JsonNode stepName = json.get("stepName");
        JsonNode id = json.get("stepExecutionId");
        if (stepName == null || !stepName.isTextual() || id == null || !id.canConvertToLong() || !id.isIntegralNumber()
                || id.asLong() <= 0) {
            throw new MessageConversionException("refused a partition request without a step name and a positive"
                    + " step execution id: " + json);
        }
        return new StepExecutionRequest(checkedStepName(stepName.asText()), id.asLong());
    }

    /** A worker step's bean name, as the step locator looks it up: "renderPartition". */
    private static String checkedStepName(String name) {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9]{0,99}Partition")) {
            throw new MessageConversionException("refused a partition request for the step '" + name
                    + "': worker steps are named <step>Partition");
        }
        return name;
    }
}

package ca.isp.billing.jobs.remote;

import javax.sql.DataSource;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.BeanFactoryStepLocator;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.inbound.AmqpInboundChannelAdapter;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.jdbc.core.JdbcTemplate;

import ca.isp.billing.jobs.BillingProperties;
import ca.isp.billing.writers.AtomicFiles;

/**
 * A worker (billing.mode=worker, {@code run.sh worker}): Spring Integration's AMQP inbound
 * adapter takes partition requests from the queue and hands each to a
 * {@link PartitionRequestHandler}, which runs the named step bean, the same one a local run uses.
 *
 * <p>Delivery: one unacknowledged request per consumer (prefetch 1), acknowledged when its
 * partition has ended, so a busy worker holds no request another could take. A request whose
 * worker dies goes back to the queue and is delivered again; the handler drops it, because the
 * partition is no longer STARTING (the manager fails it and the restart resumes it). A request
 * that cannot be read is dropped, never requeued in a loop.
 */
@Configuration
@ConditionalOnProperty(name = "billing.mode", havingValue = "worker")
// Boot 4 auto-configures Spring Integration only with its integration module: enabled here
@EnableIntegration
public class WorkerConfiguration {

    @Bean
    public Queue partitionRequestQueue(RemoteSettings settings, DataSource dataSource) {
        SharedDatabase.require(dataSource, "worker");
        // the shared folders are written by several processes at once: another's fresh temp file is live
        AtomicFiles.sharedWithOtherProcesses(settings.staleAfter());
        return new Queue(settings.queue(), true);
    }

    @Bean
    public SimpleMessageListenerContainer partitionRequestContainer(ConnectionFactory connectionFactory,
                                                                    Queue partitionRequestQueue, RemoteSettings settings) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueueNames(partitionRequestQueue.getName());
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setPrefetchCount(1);
        container.setConcurrentConsumers(settings.effectiveWorkerThreads());
        container.setDefaultRequeueRejected(false);
        // stopping waits for the partitions in progress (they stop at a chunk boundary)
        container.setShutdownTimeout(java.time.Duration.ofMinutes(2).toMillis());
        container.setAutoStartup(false);
        return container;
    }

    @Bean
    public AmqpInboundChannelAdapter partitionRequestsFromBroker(SimpleMessageListenerContainer partitionRequestContainer) {
        AmqpInboundChannelAdapter adapter = new AmqpInboundChannelAdapter(partitionRequestContainer);
        adapter.setMessageConverter(new PartitionRequestConverter());
        adapter.setAutoStartup(false); // the worker command starts it
        return adapter;
    }

    @Bean
    public PartitionHeartbeat partitionHeartbeat(JdbcTemplate jdbc, RemoteSettings settings) {
        return new PartitionHeartbeat(jdbc, settings);
    }

    @Bean
    public IntegrationFlow partitionRequestsToSteps(AmqpInboundChannelAdapter partitionRequestsFromBroker,
                                                    JobRepository jobRepository, BeanFactory beanFactory,
                                                    PartitionHeartbeat partitionHeartbeat) {
        BeanFactoryStepLocator steps = new BeanFactoryStepLocator();
        steps.setBeanFactory(beanFactory);
        return IntegrationFlow.from(partitionRequestsFromBroker)
                .handle(new PartitionRequestHandler(jobRepository, steps, partitionHeartbeat), "handle")
                .get();
    }

    @Bean
    public RemoteWorker remoteWorker(AmqpInboundChannelAdapter partitionRequestsFromBroker,
                                     PartitionHeartbeat partitionHeartbeat, RemoteSettings settings,
                                     BillingProperties properties,
                                     @Value("${spring.rabbitmq.addresses:}") String broker) {
        return new RemoteWorker(partitionRequestsFromBroker, partitionHeartbeat, settings,
                properties.home().toAbsolutePath().normalize().toString(), broker);
    }
}

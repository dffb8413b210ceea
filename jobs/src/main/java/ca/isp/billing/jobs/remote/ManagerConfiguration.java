package ca.isp.billing.jobs.remote;

import javax.sql.DataSource;

import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import ca.isp.billing.writers.AtomicFiles;

/**
 * The manager (billing.mode=remote, {@code run.sh bill ... --workers remote}): partitioned steps
 * send each partition as a request to the broker's queue, through Spring Integration's AMQP
 * outbound adapter, and learn how each went from the shared job repository (no reply queue). The
 * workers' side is {@link WorkerConfiguration}.
 */
@Configuration
@ConditionalOnProperty(name = "billing.mode", havingValue = "remote")
// Boot 4 auto-configures Spring Integration only with its integration module: enabled here
@EnableIntegration
public class ManagerConfiguration {

    @Bean
    public Queue partitionRequestQueue(RemoteSettings settings, DataSource dataSource,
                                       @Value("${spring.rabbitmq.addresses:}") String broker) {
        SharedDatabase.require(dataSource, "remote");
        // the shared folders are written by several processes at once: another's fresh temp file is live
        AtomicFiles.sharedWithOtherProcesses(settings.staleAfter());
        LoggerFactory.getLogger(ManagerConfiguration.class).info("Remote workers: partitions go to queue {} on {}",
                settings.queue(), RemoteSettings.withoutPassword(broker));
        return new Queue(settings.queue(), true);
    }

    @Bean
    public DirectChannel partitionRequests() {
        return new DirectChannel();
    }

    @Bean
    public RabbitTemplate partitionRequestTemplate(ConnectionFactory connectionFactory) {
        RabbitTemplate template = new RabbitTemplate(connectionFactory);
        template.setMessageConverter(new PartitionRequestConverter());
        return template;
    }

    /** Requests leave through the default exchange, routed to the queue by its name. */
    @Bean
    public IntegrationFlow partitionRequestsToBroker(RabbitTemplate partitionRequestTemplate, Queue partitionRequestQueue) {
        return IntegrationFlow.from(partitionRequests())
                .handle(Amqp.outboundAdapter(partitionRequestTemplate).routingKey(partitionRequestQueue.getName()))
                .get();
    }

    @Bean
    public RemotePartitioning remotePartitioning(JobRepository jobRepository, NamedParameterJdbcTemplate jdbc,
                                                 RemoteSettings settings) {
        return new RemotePartitioning(partitionRequests(), jobRepository, jdbc, settings);
    }
}

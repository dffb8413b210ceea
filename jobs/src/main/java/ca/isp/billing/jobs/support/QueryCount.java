package ca.isp.billing.jobs.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Counts the SQL statements each thread prepares, so a chunk's count can be logged at debug
 * ({@code logging.level.ca.isp.billing.jobs.support.QueryCount=DEBUG}): a chunk should load what
 * it needs in a few queries, and the count must stay flat as chunks grow; a count that grows
 * with the chunk is a query per account or per line.
 *
 * <p>A statement is counted when it is prepared (a batch of updates is one), on the thread that
 * prepares it: a partition's chunk runs on one thread. The count of a chunk is what its thread
 * prepared since the previous chunk ended: its reads, its writes, and Spring Batch's own
 * updates of the step's progress (a constant few per chunk).
 */
public final class QueryCount {

    private static final Logger log = LoggerFactory.getLogger(QueryCount.class);
    /** Per thread: statements prepared, the count at the end of its last chunk, that chunk's step execution id. */
    private static final ThreadLocal<long[]> PREPARED = ThreadLocal.withInitial(() -> new long[3]);

    private QueryCount() {
    }

    /** Statements prepared on this thread since it started. */
    public static long prepared() {
        return PREPARED.get()[0];
    }

    /** Wraps the application's DataSource: every connection it hands out counts what it prepares. */
    @Component
    public static class Wrapper implements BeanPostProcessor {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            return bean instanceof DataSource dataSource && !(bean instanceof Counting) ? new Counting(dataSource) : bean;
        }
    }

    /** The counting DataSource. */
    public static final class Counting extends DelegatingDataSource {
        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counting(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counting(super.getConnection(username, password));
        }

        private static Connection counting(Connection connection) {
            InvocationHandler handler = (proxy, method, args) -> {
                String name = method.getName();
                if (name.equals("prepareStatement") || name.equals("prepareCall") || name.equals("createStatement")) {
                    PREPARED.get()[0]++;
                }
                try {
                    return method.invoke(connection, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return (Connection) Proxy.newProxyInstance(QueryCount.class.getClassLoader(),
                    new Class<?>[]{Connection.class}, handler);
        }
    }

    /** Logs each chunk's statements at debug: "chunk of 200 items in ratePartition:partition0: 9 SQL statements". */
    public static final class ChunkListener implements org.springframework.batch.core.listener.ChunkListener<Object, Object> {

        @Override
        public void afterChunk(Chunk<Object> chunk) {
            logChunk(chunk.size());
        }

        @Override
        public void afterChunk(ChunkContext context) {
            logChunk(-1); // a tasklet step: its "chunk" is one call of the tasklet
        }

        private static void logChunk(int items) {
            long[] counts = PREPARED.get();
            long statements = counts[0] - counts[1];
            counts[1] = counts[0];
            StepContext step = StepSynchronizationManager.getContext();
            long execution = step == null ? -1 : step.getStepExecution().getId();
            // a thread's first chunk of a step also counts what ran on the thread before it (opening the step)
            boolean first = counts[2] != execution;
            counts[2] = execution;
            if (log.isDebugEnabled()) {
                log.debug("chunk of {} in {}: {} SQL statements{}", items < 0 ? "a tasklet call" : items + " items",
                        step == null ? "?" : step.getStepName(), statements, first ? " (first chunk: with the step's start)" : "");
            }
        }
    }
}

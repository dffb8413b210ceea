package ca.isp.billing.jobs.cli;

import org.springframework.beans.factory.config.AutowireCapableBeanFactory;

import picocli.CommandLine;

/**
 * picocli's factory backed by Spring: a command class is created with its constructor's beans
 * (a new instance for each command line, never a singleton of the context); what picocli
 * creates for itself (collections, converters) is picocli's default.
 */
final class SpringCommandFactory implements CommandLine.IFactory {

    private final AutowireCapableBeanFactory beans;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    SpringCommandFactory(AutowireCapableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type.getPackageName().equals(SpringCommandFactory.class.getPackageName())) {
            return beans.createBean(type);
        }
        return fallback.create(type);
    }
}

package ca.isp.billing.jobs.collections;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notices step of collections ({@code billing.notices.*}).
 *
 * @param reminderDaysBefore a payment reminder goes this many days before an unpaid invoice's due date (the
 *                           first allowed day from then; 0: none)
 * @param pastDueDaysAfter   the past-due warning goes this many days after the due date (the first allowed day from then)
 * @param reminder           on/off per kind of notice
 * @param usageThresholds    percentages of a plan's included data that send a usage alert, each once per period
 */
@ConfigurationProperties("billing.notices")
public record NoticeSettings(@DefaultValue("5") int reminderDaysBefore,
                             @DefaultValue("1") int pastDueDaysAfter,
                             @DefaultValue("true") boolean reminder,
                             @DefaultValue("true") boolean pastDue,
                             @DefaultValue("true") boolean suspension,
                             @DefaultValue("true") boolean reactivation,
                             @DefaultValue("true") boolean usage,
                             @DefaultValue("75,90,100") List<Integer> usageThresholds) {
}

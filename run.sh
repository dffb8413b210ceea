#!/usr/bin/env bash
# The one entry point for operators and newcomers. ./run.sh --help lists the commands.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JAR="$ROOT/jobs/target/billing.jar"

usage() {
  cat <<'TXT'
Usage: ./run.sh <command> [options]

  demo [--accounts N] [--seed S] [--cycle-date YYYY-MM-DD]
        Invent a small ISP (1,000 accounts by default), import it, drop its usage and
        payment files in the inbox and run a whole billing cycle on the embedded database,
        all under var/demo/ (deleted first: every demo starts from nothing).
  bill --cycle-date YYYY-MM-DD [--force]
        Run the billing cycle for that date. Run it again with the same date to resume a
        failed, stopped or killed run; a completed cycle is never billed twice; one run at a
        time. A date more than a month ahead, or before the last completed cycle, is refused
        unless --force (a typo must not bill 45 years). (--recover is accepted, no longer needed.)
  bill --cycle-date YYYY-MM-DD [--force] --workers remote
        The same cycle, its partitioned steps run by remote workers (run.sh worker on each
        machine) over RabbitMQ (BILLING_AMQP_URL), on the shared MySQL/MariaDB database
        (BILLING_DB_URL) and the shared BILLING_HOME; see README "Remote workers".
  worker
        A remote worker: takes partitions from the queue (BILLING_QUEUE_PREFIX, default billing)
        until SIGTERM or Ctrl-C, which stops its partitions at a chunk boundary. Same
        BILLING_DB_URL, BILLING_HOME (shared folder, same path) and release as the manager.
  bill --cycle-date YYYY-MM-DD --dry-run [--keep] [--force]
        Rehearse the cycle on a copy of the database and inbox (under BILLING_HOME/dry-run/):
        the same job, with Lob, SMTP and bounces off; prints what it would issue and writes
        out/dry-run/<date>/invoices.csv and invoice-lines.csv. Nothing is stored or sent; the
        copy is deleted unless --keep (it holds the proofs: PDFs, vendor batch, emails).
  rerun --cycle-date YYYY-MM-DD [--force]
        Run a completed cycle's steps again, doing only what is left: invoices held for a
        missing tax jurisdiction (after importing its rates), failed deliveries, late files.
        --force lets it do what the cycle refused as implausible (see README).
  rerender (--invoice NUMBER | --cycle-date YYYY-MM-DD [--accounts A,B]) [--force]
        Draw issued invoices' PDFs again from the database (after a template fix, or a lost or
        damaged file): same numbers and amounts; a delivered copy is kept beside the new file
        (<number>.delivered-<sha>.pdf); a letter whose delivered copy is lost or changed is
        refused unless --force
  status [--cycle-date YYYY-MM-DD]
        The recent cycles and their state; with a date, that cycle's runs, the last run's steps
        (items, rate, skipped, the failure's reason) and figures. Both end with the command to
        type next.
  abandon --cycle-date YYYY-MM-DD [--yes]
        Give up on the cycle's failed or stopped run (or one left running by a dead process): it
        is never resumed and no longer holds up other cycles; what it committed stays. Asks to
        type the cycle date on a terminal; --yes in scripts.
  review --cycle-date YYYY-MM-DD [--release ALL|INVOICE... | --void INVOICE... --reason TEXT] [--by NAME]
        The invoices the review gate held (rule and figures); --release lets them go (the next
        rerun of the cycle renders and sends them); --void cancels them with a credit note in the
        ledger. Recorded with who (--by, default the OS user), when and why.
  ingest
        Read the usage sources (billing.ingest.sources.*) and rate what was read: the cycle's
        ingest and rate steps alone (hourly cron). A failed or killed run is resumed by the
        same command; one run at a time (a cycle included).
  collections --date YYYY-MM-DD
        The daily collections (cron): payment files in the inbox, late fees, delinquency and
        suspension on the collections calendar, and the day's suspension and reactivation lists
        in out/provisioning/DATE/. Same run guard and restart rules as bill: the same date again
        resumes a failed run or does nothing; one run at a time (a cycle included).
  invoice-now --account ACCOUNT [--quote QUOTE]
        The account's accepted quotes (import quotes; --quote accepts that one today and bills
        only it), each on an invoice of its own dated today, outside the cycle: the cycle's tax,
        numbering, review gate, PDF and hand-off. Run again, it bills nothing twice.
  close-account --account ACCOUNT --date YYYY-MM-DD --refund|--carry [--by NAME]
        The account's final bill, now: its subscriptions end on DATE (the last day of service,
        today or before), terms paid in advance credited for the days after it, usage up to it
        billed, through invoice-now's steps; its credit then refunded (out/refunds/TODAY/refunds.csv
        for accounts payable) or carried. The account is CLOSED: no cycle bills it again. Again:
        one final bill; after the review gate releases a held one, it settles and sends it.
  account reinstate ACCOUNT [--by NAME]
        Bring a written-off account back (ACTIVE), recorded with who (--by, default the OS user)
        and when; its write-offs stay in the ledger. Again: nothing changes.
  payments suspense
        The payments received for no known account or invoice (unknown account number, invoice
        number that does not exist), with file, line and reason, and those assigned since.
  payments assign REF ACCOUNT [--by NAME]
        Apply the payment in suspense REF to ACCOUNT (oldest invoices first, the rest as credit),
        recorded with who (--by, default the OS user) and when. Again: nothing changes.
  usage --from YYYY-MM-DD --to YYYY-MM-DD [--format csv]
        Usage per service identifier of the records that started in [from, to).
  rerate --from YYYY-MM-DD --to YYYY-MM-DD
        Rate again the records that started in [from, to) and are on no invoice yet (after a
        rate or identifier fix): updated in place, never duplicated.
  import <accounts|plans|subscriptions|tax-rates|tax-jurisdictions|tax-rules|tax-exemptions|opening-balances|
          service-identifiers|rates|rate-bands|charges|penalty-classes|exclusion-dates|data-components|
          discounts|subscription-prices|quotes> FILE
        Import reference data from CSV (see docs/FILE-FORMATS.md). Importing the same file
        twice changes nothing; bad lines go to var/rejects/. charges: one-time charges and
        credits, billed on each account's next invoice. penalty-classes: late fee rules per
        class, named by accounts (penalty_class column). exclusion-dates: days no account turns
        delinquent or is suspended (holidays, one-off or yearly). data-components: how a plan
        prices data (included GB, bands, per day, minimum, cap), in place of its included_gb.
        discounts: percentage or fixed
        discounts per subscription or account, their own invoice lines. subscription-prices:
        contract prices of subscriptions, from a date.
  tax-quote --postal-code CODE --country CC [--region R] --class CLASS --amount 100.00 --date YYYY-MM-DD
        The jurisdictions of a postal code and each tax the billing run would charge on that
        amount of that class (INTERNET_ACCESS, VOIP, LANDLINE_RESIDENTIAL, EQUIPMENT_SALE,
        EQUIPMENT_RENTAL, INSTALLATION, LATE_FEE, GENERAL) on that date, from the imported tables.
  tax-report --from YYYY-MM-DD --to YYYY-MM-DD
        The tax liability of the issued invoices dated in the period, per currency, jurisdiction,
        tax and rate (taxable base, exempt base, tax collected, invoices), as a CSV under
        $BILLING_HOME/out/reports/tax-liability/.
  report revenue|tax|ageing|payments|invoices|all --from YYYY-MM-DD --to YYYY-MM-DD [--format csv|html|xlsx]
        The office's reports of a period (several: revenue,tax), under
        $BILLING_HOME/out/reports/management/: CSV a file per report, HTML one self-contained
        page, XLSX one workbook with a sheet per report (numbers and dates as typed cells).
  export journal --cycle-date YYYY-MM-DD
        Write again the general-ledger journal of each run of that cycle (out/reports/<cycle>/
        journal.csv, journal-rerun-N.csv: what each run posted, checked to balance) and print
        the debits and credits per GL account. Every billing run writes its own already.
  scheduler [--file schedules/schedules.yml]
        The built-in scheduler: runs the jobs of schedules/schedules.yml (hourly ingest, daily
        billing of the accounts due, daily collections) at their cron times until SIGTERM/Ctrl-C
        (the running job stops at a chunk boundary; the next start resumes it). One run at a time
        with cron and operators (the run guard); missed ticks caught up once; alerts by email.
  alerts
        Email the operators what waits for them (failed or stopped runs, invoices held for
        review), each once (billing.alerts.to, SMTP_*); exit 4 when something waits (for cron).
  test [--reliability]
        Build and run every test (MariaDB tests need 127.0.0.1:3306, see README.md).
        --reliability: the reliability suite instead (kill -9, database outage, full disk;
        7 to 10 minutes; report in jobs/target/reliability-report.md).
  bench [--accounts N]
        Time a demo cycle of N accounts (default 10,000) and print each step's time.
  bench cycle [--accounts N] [--usage M] [--seed S]
        A demo ISP of N accounts (10,000 by default) with about M usage records billed whole on
        MariaDB (BILLING_DB_URL, an empty database; else a schema of its own on 127.0.0.1:3306 as
        root, dropped afterwards) with -Xmx1g; prints each step's time and items/s and ends with
        "cycle: <A> accounts in <S> s, peak heap <H> MB". Deletes its PDFs and emails afterwards.
  bench partitions [--accounts N] [--usage M]
        The same cycle (2,000 accounts by default) with 1 then 2 local partitions, then with 2
        partitions on 2 worker processes (run.sh worker, RabbitMQ at BILLING_AMQP_URL, default the
        local broker); a line each with the time and invoices/s of charge + tax + render.
  bench ingest [--records N]
        Ingest and rate N RADIUS and call records (default 1,000,000) under var/bench-ingest/
        (or into BILLING_DB_URL, which must be an empty database), and, in the same run, write the
        same rows again with plain batched JDBC; the last line compares the two rates.
  bench render [--invoices N] [--engine html|layout] [--accounts A]
        Bill a demo of A accounts (default 300) under var/bench-render/, then render N of its
        invoices (default 2,000, both languages, fonts embedded, an attachment appended) on one
        thread with the engine (default: billing.render.engine), and draw the same invoices' text
        with PDFBox and a standard font (the floor); the last line compares the two rates.

Environment: BILLING_HOME (default ./var), BILLING_DB_URL / BILLING_DB_USER /
BILLING_DB_PASSWORD (default: embedded H2 under $BILLING_HOME/db), LOG_LEVEL (INFO),
LOB_API_KEY / LOB_BASE_URL (letters through Lob; default: mail-vendor files), SMTP_HOST /
SMTP_PORT / SMTP_SECURITY / SMTP_USER / SMTP_PASSWORD (email over SMTP; default: .eml files),
BOUNCES_HOST / BOUNCES_PORT / BOUNCES_SECURITY / BOUNCES_USER / BOUNCES_PASSWORD (the bounce
mailbox over IMAP, read when the hand-off starts; default: not read), BILLING_AMQP_URL
(remote workers' broker, default amqp://guest:guest@127.0.0.1:5672), BILLING_QUEUE_PREFIX,
BILLING_WORKER_NAME.
JAVA_OPTS (JVM options; bill, rerun, collections and bench cycle default to -Xmx1g).
Exit codes: 0 done, 1 wrong usage, 2 bad input file, 3 a run is in the way (another cycle
running or unfinished), 4 (alerts) something waits for an operator, 5 the cycle failed or
stopped, 143 stopped by SIGTERM/Ctrl-C.
TXT
}

need_java() {
  command -v java >/dev/null 2>&1 || { echo "error: java (17 or newer) is not on the PATH" >&2; exit 1; }
  command -v mvn >/dev/null 2>&1 || { echo "error: mvn (Maven 3.8+) is not on the PATH" >&2; exit 1; }
}

# Build when the jar is missing or older than any main source, resource or pom.
build_if_needed() {
  need_java
  if [[ ! -f "$JAR" ]] || [[ -n "$(find "$ROOT" -path "$ROOT/var" -prune -o -path '*/target' -prune -o \
        \( -path '*/src/main/*' -type f -o -name 'pom.xml' \) -newer "$JAR" -print -quit)" ]]; then
    echo "Building (first use or sources changed)..." >&2
    (cd "$ROOT" && mvn -q -B -DskipTests package) >&2 || { echo "error: the build failed (see above)" >&2; exit 1; }
  fi
}

# Runs a copy of the jar, replaced atomically when a new build exists: a rebuild (mvn package
# writes billing.jar in place) never changes the classes under a cycle that is running.
RUN_JAR="$ROOT/jobs/target/billing-run.jar"

run_app() {
  # Everything the run creates holds personal data (the H2 database, the log, PDFs, letters):
  # owner-only, whatever the caller's umask. The code also creates its own files owner-only.
  umask 077
  local home="${BILLING_HOME:-$ROOT/var}"
  mkdir -p "$home"
  if [[ ! -f "$RUN_JAR" || "$JAR" -nt "$RUN_JAR" ]]; then
    cp "$JAR" "$RUN_JAR.$$.tmp" && mv -f "$RUN_JAR.$$.tmp" "$RUN_JAR"
  fi
  BILLING_HOME="$(cd "$home" && pwd)" BILLING_TEMPLATES="${BILLING_TEMPLATES:-$ROOT/templates}" \
    exec java ${JAVA_OPTS:-} -Dlogging.level.ca.isp.billing="${LOG_LEVEL:-INFO}" -jar "$RUN_JAR" "$@"
}

# bench cycle / bench partitions: a demo ISP billed whole on MariaDB (BILLING_DB_URL, else a schema
# of its own on the local server, dropped afterwards), -Xmx1g; under var/bench-cycle/.
bench_cycle() {
  local what="$1"
  shift
  build_if_needed
  local bench_home="$ROOT/var/bench-cycle"
  unset LOB_API_KEY LOB_BASE_URL SMTP_HOST SMTP_PORT SMTP_SECURITY SMTP_USER SMTP_PASSWORD \
    BOUNCES_HOST BOUNCES_PORT BOUNCES_SECURITY BOUNCES_USER BOUNCES_PASSWORD
  export JAVA_OPTS="${JAVA_OPTS:--Xmx1g}" LOG_LEVEL="${LOG_LEVEL:-WARN}"
  local own_db=""
  if [[ -z "${BILLING_DB_URL:-}" ]]; then
    command -v mysql >/dev/null 2>&1 || { echo "error: bench $what needs BILLING_DB_URL or the mysql client" >&2; exit 1; }
    own_db=1
  elif [[ "$what" == partitions ]]; then
    echo "error: bench partitions bills twice into fresh schemas of the local MariaDB: unset BILLING_DB_URL" >&2
    exit 1
  else
    echo "note: bench $what bills into BILLING_DB_URL, which must be an empty database" >&2
  fi
  local runs=(0)
  # bench partitions: 1 and 2 local partitions, then 2 partitions on 2 worker processes
  [[ "$what" == partitions ]] && runs=(1 2 remote)
  local status=0 grid schema
  for grid in "${runs[@]}"; do
    rm -rf "$bench_home"
    local extra=() workers=()
    if [[ "$what" == partitions ]]; then
      extra=(--partitions --billing.grid-size="${grid/remote/2}")
      [[ " $* " == *" --accounts "* ]] || extra+=(--accounts 2000)
    fi
    if [[ -n "$own_db" ]]; then
      schema="billing_bench_$$_$grid"
      mysql -h 127.0.0.1 -P 3306 -u root -e "CREATE DATABASE $schema CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" \
        || { echo "error: cannot create a schema on the local MariaDB (127.0.0.1:3306, root)" >&2; exit 1; }
      trap "mysql -h 127.0.0.1 -P 3306 -u root -e 'DROP DATABASE IF EXISTS $schema'" EXIT
      export BILLING_DB_URL="jdbc:mysql://127.0.0.1:3306/$schema?rewriteBatchedStatements=true" BILLING_DB_USER=root \
        BILLING_DB_PASSWORD=
    fi
    if [[ "$grid" == remote ]]; then
      # two worker processes on this machine, one partition each, on the broker BILLING_AMQP_URL
      # (default the local RabbitMQ), queue billing-bench.partition-requests (reused by every run)
      extra+=(--workers remote --billing.remote.queue-prefix=billing-bench)
      mkdir -p "$bench_home/logs"
      local n
      for n in 1 2; do
        (BILLING_HOME="$bench_home" BILLING_WORKER_NAME="bench-worker-$n" LOG_LEVEL=INFO run_app worker \
          --billing.remote.queue-prefix=billing-bench --billing.remote.worker-threads=1 \
          "--logging.file.name=\${billing.home}/logs/worker-bench-worker-$n.log" \
          >"$bench_home/logs/worker-bench-worker-$n.out" 2>&1) &
        workers+=($!)
      done
      trap "kill -TERM ${workers[*]} 2>/dev/null; mysql -h 127.0.0.1 -P 3306 -u root -e 'DROP DATABASE IF EXISTS $schema'" EXIT
    fi
    (BILLING_HOME="$bench_home" run_app bench-cycle "$@" "${extra[@]}") || status=$?
    if [[ ${#workers[@]} -gt 0 ]]; then
      # SIGTERM: each worker stops at a chunk boundary (it has none left) and exits
      kill -TERM "${workers[@]}" 2>/dev/null || true
      wait "${workers[@]}" 2>/dev/null || true
    fi
    if [[ -n "$own_db" ]]; then
      mysql -h 127.0.0.1 -P 3306 -u root -e "DROP DATABASE IF EXISTS $schema" || true
      trap - EXIT
      unset BILLING_DB_URL BILLING_DB_USER BILLING_DB_PASSWORD
    fi
    [[ $status -ne 0 ]] && exit $status
  done
  exit $status
}

command="${1:-}"
[[ $# -gt 0 ]] && shift
case "$command" in
  demo|bench)
    if [[ "$command" == bench && "${1:-}" == render ]]; then
      # bench render: a small demo billed in its own home, then one thread timed against the floor
      shift
      build_if_needed
      bench_home="$ROOT/var/bench-render"
      if [[ -d "$bench_home" ]]; then
        echo "Removing the previous run in ${bench_home#$ROOT/}" >&2
        rm -rf "$bench_home"
      fi
      unset BILLING_DB_URL BILLING_DB_USER BILLING_DB_PASSWORD LOB_API_KEY LOB_BASE_URL SMTP_HOST SMTP_PORT \
        SMTP_SECURITY SMTP_USER SMTP_PASSWORD BOUNCES_HOST BOUNCES_PORT BOUNCES_SECURITY BOUNCES_USER BOUNCES_PASSWORD
      export JAVA_OPTS="${JAVA_OPTS:--Xmx1g}" LOG_LEVEL="${LOG_LEVEL:-WARN}"
      BILLING_HOME="$bench_home" run_app bench-render "$@"
    fi
    if [[ "$command" == bench && ( "${1:-}" == cycle || "${1:-}" == partitions ) ]]; then
      bench_cycle "$@"
    fi
    if [[ "$command" == bench && "${1:-}" == ingest ]]; then
      # bench ingest: its own home, and the database BILLING_DB_URL names when set (it must be empty)
      shift
      build_if_needed
      bench_home="$ROOT/var/bench-ingest"
      if [[ -d "$bench_home" ]]; then
        echo "Removing the previous run in ${bench_home#$ROOT/}" >&2
        rm -rf "$bench_home"
      fi
      export JAVA_OPTS="${JAVA_OPTS:--Xmx512m}" LOG_LEVEL="${LOG_LEVEL:-WARN}"
      BILLING_HOME="$bench_home" run_app bench-ingest "$@" \
        --billing.ingest.sources.bench-radius.format=freeradius-detail \
        --billing.ingest.sources.bench-radius.folder=bench-input/radacct \
        --billing.ingest.sources.bench-radius.zone=UTC \
        --billing.ingest.sources.bench-pbx.format=asterisk-csv \
        --billing.ingest.sources.bench-pbx.zone=UTC \
        --billing.ingest.sources.bench-pbx.log-unique-id=true
    fi
    build_if_needed
    if [[ -n "${BILLING_DB_URL:-}" ]]; then
      echo "note: the demo always uses its own embedded database; BILLING_DB_URL is ignored here" >&2
    fi
    unset BILLING_DB_URL BILLING_DB_USER BILLING_DB_PASSWORD
    # Its customers are invented: letters and emails stay files (mail-vendor batch, .eml), never
    # Lob or a mail server, whatever the environment says.
    if [[ -n "${LOB_API_KEY:-}${SMTP_HOST:-}" ]]; then
      echo "note: the demo hands invoices over as files only; LOB_API_KEY and SMTP_* are ignored here" >&2
    fi
    unset LOB_API_KEY LOB_BASE_URL SMTP_HOST SMTP_PORT SMTP_SECURITY SMTP_USER SMTP_PASSWORD \
      BOUNCES_HOST BOUNCES_PORT BOUNCES_SECURITY BOUNCES_USER BOUNCES_PASSWORD
    demo_home="$ROOT/var/demo"
    if [[ "$command" == bench ]]; then
      demo_home="$ROOT/var/bench"
      set -- --accounts 10000 "$@"
      export LOG_LEVEL="${LOG_LEVEL:-WARN}"
    fi
    if [[ -d "$demo_home" ]]; then
      echo "Removing the previous run in ${demo_home#$ROOT/} (a demo always starts from nothing)" >&2
      rm -rf "$demo_home"
    fi
    BILLING_HOME="$demo_home" run_app demo "$@"
    ;;
  worker)
    # A remote worker (README "Remote workers"): runs the partitions a manager's
    # `bill --workers remote` sends, until SIGTERM; a log file of its own in the shared home.
    build_if_needed
    worker_name="${BILLING_WORKER_NAME:-$(hostname)}"
    if [[ ! "$worker_name" =~ ^[A-Za-z0-9._-]{1,60}$ ]]; then
      echo "error: BILLING_WORKER_NAME must be 1 to 60 letters, digits, '.', '_' or '-'" >&2
      exit 1
    fi
    BILLING_WORKER_NAME="$worker_name" run_app worker "$@" \
      "--logging.file.name=\${billing.home}/logs/worker-$worker_name.log"
    ;;
  bill|rerun|collections)
    # a cycle runs in a bounded heap whatever the number of accounts (nothing holds a whole cycle)
    build_if_needed
    JAVA_OPTS="${JAVA_OPTS:--Xmx1g}" run_app "$command" "$@"
    ;;
  status|import|tax-quote|tax-report|ingest|usage|rerate|review|export|report|abandon|rerender|invoice-now|close-account|account|payments)
    build_if_needed
    run_app "$command" "$@"
    ;;
  scheduler|alerts)
    build_if_needed
    BILLING_SCHEDULES="${BILLING_SCHEDULES:-$ROOT/schedules/schedules.yml}" run_app "$command" "$@"
    ;;
  test)
    need_java
    if [[ "${1:-}" == --reliability ]]; then
      # The reliability suite (README): packages the jar, then kills, resumes and compares real
      # runs of this run.sh; report in jobs/target/reliability-report.md.
      shift
      cd "$ROOT" && exec mvn -B verify -Preliability "$@"
    fi
    cd "$ROOT" && exec mvn -B test "$@"
    ;;
  -h|--help|help)
    usage
    ;;
  "")
    usage >&2
    exit 1
    ;;
  *)
    echo "error: unknown command '$command' (see ./run.sh --help)" >&2
    exit 1
    ;;
esac

#!/bin/sh
# One-shot topic creation for docker compose: every topic of topics/*.topic.json with the spec's partitions
# and configs. The service creates missing topics itself at start-up too; creating them here first means
# producers can publish before the service is up, and the partition counts are never a consumer's default.
# ComposeConsistencyTest runs this script and checks it against the specs: edit both together.
#
# Environment: BOOTSTRAP_SERVERS (kafka:9092), REPLICATION_FACTOR (1: one broker; the specs' replication
# factor is the production intent), KAFKA_TOPICS (the kafka-topics.sh to run).
set -eu

BOOTSTRAP_SERVERS="${BOOTSTRAP_SERVERS:-kafka:9092}"
REPLICATION_FACTOR="${REPLICATION_FACTOR:-1}"
KAFKA_TOPICS="${KAFKA_TOPICS:-/opt/kafka/bin/kafka-topics.sh}"

# create NAME PARTITIONS KEY=VALUE...  (min.insync.replicas is capped to the replication factor, as the
# service does, or every acks=all write would be refused)
create() {
  name="$1"
  partitions="$2"
  shift 2
  configs=""
  for config in "$@"; do
    case "$config" in
      min.insync.replicas=*)
        wanted="${config#min.insync.replicas=}"
        if [ "$wanted" -gt "$REPLICATION_FACTOR" ]; then
          config="min.insync.replicas=$REPLICATION_FACTOR"
        fi
        ;;
    esac
    configs="$configs --config $config"
  done
  echo "topic-init: $name ($partitions partitions, replication $REPLICATION_FACTOR)"
  # shellcheck disable=SC2086 # configs is a list of separate words
  "$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP_SERVERS" --create --if-not-exists --topic "$name" \
    --partitions "$partitions" --replication-factor "$REPLICATION_FACTOR" $configs
}

# From topics/complaint-events.topic.json
create complaint-events 6 cleanup.policy=delete retention.ms=-1 min.insync.replicas=2
# From topics/complaint-events-dlq.topic.json
create complaint-events-dlq 6 cleanup.policy=delete retention.ms=2592000000 min.insync.replicas=2
# From topics/complaint-alerts.topic.json
create complaint-alerts 6 cleanup.policy=delete retention.ms=34560000000 min.insync.replicas=2
# From topics/authorities.topic.json
create authorities 1 cleanup.policy=compact min.insync.replicas=2
# From topics/authorities-accepted.topic.json
create authorities-accepted 1 cleanup.policy=compact min.insync.replicas=2

echo "topic-init: done"

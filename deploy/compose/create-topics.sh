#!/bin/bash
# Creates wardpulse's topics on the KRaft broker (idempotent).
set -euo pipefail
bin=/opt/kafka/bin
until $bin/kafka-topics.sh --bootstrap-server kafka:9092 --list >/dev/null 2>&1; do sleep 1; done
for t in wardpulse.events:12 wardpulse.events.dlq:3 wardpulse.alerts:3; do
  $bin/kafka-topics.sh --bootstrap-server kafka:9092 --create --if-not-exists \
    --topic "${t%%:*}" --partitions "${t##*:}" --replication-factor 1 --config retention.ms=-1
done

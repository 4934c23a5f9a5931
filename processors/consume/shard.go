package consume

import (
	"fmt"

	"github.com/segmentio/kafka-go"
)

// ShardOf is the ClickHouse shard that owns a Kafka partition on a cluster
// of shards shards (numbered from 1): partition mod shards. Every row of a
// partition is written to its shard's local tables, so each partition's
// watermarks and progress markers live on exactly one shard.
func ShardOf(partition, shards int) int { return partition%shards + 1 }

// shardBalancer assigns the members of one shard's consumer group only the
// partitions that shard owns, spread with kafka-go's range balancer. All
// members of a group run the same balancer (one group per shard), so the
// group leader's assignment never hands out another shard's partitions.
type shardBalancer struct {
	shard, shards int
	inner         kafka.GroupBalancer
}

func (b shardBalancer) ProtocolName() string {
	return fmt.Sprintf("wardpulse-shard-%d-of-%d", b.shard, b.shards)
}

func (b shardBalancer) UserData() ([]byte, error) { return b.inner.UserData() }

func (b shardBalancer) AssignGroups(members []kafka.GroupMember, partitions []kafka.Partition) kafka.GroupMemberAssignments {
	var own []kafka.Partition
	for _, p := range partitions {
		if ShardOf(p.ID, b.shards) == b.shard {
			own = append(own, p)
		}
	}
	return b.inner.AssignGroups(members, own)
}

package consume

import "context"

// SetFillWait replaces how a batch's wait to fill is bounded: tests end it
// on cue instead of after BatchWait.
func SetFillWait(c *Consumer, f func(context.Context) (context.Context, context.CancelFunc)) {
	c.fillWait = f
}

// Package restgc collects a served room's garbage while the room is at
// rest, so that a collection does not land in a burst of votes.
package restgc

import (
	"runtime"
	"runtime/metrics"
	"time"
)

// A served room collects its garbage while it is at rest. A collection
// with a hundred members connected marks about 100 MB, which takes a
// quarter of the machine's cores for tens of milliseconds; landing in the
// middle of a hundred votes cast at once, it doubled the time until the
// last of them was counted on the projected screen (p99 50-80 ms instead
// of about 20). Collecting once the room has been quiet for a moment after
// a step, a reveal or a round of votes, and only when the heap has used a
// good part of its budget since the last collection, leaves the next burst
// the whole budget (a burst of 100 votes makes about 3 MB of garbage).

// restCollector collects after each change once the room has been quiet
// for quiet, if worth says a collection is worth it.
type restCollector struct {
	quiet   time.Duration
	worth   func() bool
	collect func()
}

// atRestQuiet is how long the room must be quiet before collecting: the
// hundred redraws a step or a reveal sets going take about 100 ms, and
// people take longer than that to read a scenario before they vote.
const atRestQuiet = 500 * time.Millisecond

func newRestCollector() restCollector {
	return restCollector{quiet: atRestQuiet, worth: heapWorthCollecting, collect: runtime.GC}
}

// Run collects at rest after the changes the channel signals (a room's
// subscription), until it is closed (the room closes it when it ends).
func Run(changes <-chan struct{}) { newRestCollector().run(changes) }

// run collects at rest after the changes the channel signals, until it is
// closed.
func (c restCollector) run(changes <-chan struct{}) {
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	for {
		select {
		case _, ok := <-changes:
			if !ok {
				return
			}
			timer.Reset(c.quiet)
		case <-timer.C:
			if c.worth() {
				c.collect()
			}
		}
	}
}

// heapWorthCollecting says whether the heap has grown by a quarter of the
// way from what was live after the last collection to the next one's goal.
func heapWorthCollecting() bool {
	s := []metrics.Sample{
		{Name: "/gc/heap/goal:bytes"},
		{Name: "/gc/heap/live:bytes"},
		{Name: "/memory/classes/heap/objects:bytes"},
	}
	metrics.Read(s)
	for _, x := range s {
		if x.Value.Kind() != metrics.KindUint64 {
			return false
		}
	}
	goal, live, now := s[0].Value.Uint64(), s[1].Value.Uint64(), s[2].Value.Uint64()
	return goal > live && now > live && now-live > (goal-live)/4
}

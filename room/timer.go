package room

import "time"

// Timer is the facilitator's discussion timer as the room shares it:
// members' screens show it, counting down on their own between changes.
type Timer struct {
	// Shown says the facilitator has started it since the step's last
	// reset; Running that it counts down now.
	Shown, Running bool
	// Left is what was left at At.
	Left time.Duration
	At   time.Time
}

// Remaining is what is left at now.
func (t Timer) Remaining(now time.Time) time.Duration {
	if !t.Running {
		return max(0, t.Left)
	}
	return max(0, t.Left-now.Sub(t.At))
}

// SetTimer shares the facilitator's timer with the room: members are told
// when it starts, stops or is changed (not as it ticks: their screens count
// down by themselves).
func (r *Room) SetTimer(shown, running bool, left time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	now := r.now()
	if t := r.timer; t.Shown == shown && t.Running == running && (t.Remaining(now)-left).Abs() < time.Second {
		return // a tick, or nothing new
	}
	r.timer = Timer{Shown: shown, Running: running, Left: left, At: now}
	r.notifyAll()
}

package room_test

import (
	"testing"
	"time"

	"studyguide/room"
)

// Who is told about what: a change reaches the sessions whose view it
// changes, and only those.
func TestNotifications(t *testing.T) {
	tests := []struct {
		name string
		do   func(r *room.Room, ada, bo *room.Member)
		fac  bool // the facilitator is told
		ada  bool
		bo   bool
	}{
		{name: "a vote tells the voter and the facilitator",
			do:  func(r *room.Room, ada, bo *room.Member) { ada.Vote("dues", "ngo") },
			fac: true, ada: true},
		{name: "a refused vote tells nobody",
			do: func(r *room.Room, ada, bo *room.Member) { ada.Vote("dues", "nope") }},
		{name: "a hand tells the facilitator",
			do:  func(r *room.Room, ada, bo *room.Member) { r.AddHand("dues", "ngo") },
			fac: true},
		{name: "undoing a hand tells the facilitator",
			do:  func(r *room.Room, ada, bo *room.Member) { r.AddHand("dues", "ngo"); r.UndoHand("dues") },
			fac: true},
		{name: "a step tells everyone",
			do:  func(r *room.Room, ada, bo *room.Member) { r.Show(stepAssem) },
			fac: true, ada: true, bo: true},
		{name: "a reveal tells everyone",
			do:  func(r *room.Room, ada, bo *room.Member) { r.Reveal("dues") },
			fac: true, ada: true, bo: true},
		{name: "a sign vote tells the voter and the facilitator",
			do: func(r *room.Room, ada, bo *room.Member) {
				r.Reveal("dues")
				drain(ada, bo)
				bo.VoteSign("dues", "2")
			},
			fac: true, bo: true},
		{name: "a join tells the facilitator",
			do:  func(r *room.Room, ada, bo *room.Member) { r.Join("", "Cy") },
			fac: true},
		{name: "reading ahead tells only the reader",
			do:  func(r *room.Room, ada, bo *room.Member) { ada.Goto(stepGrant) },
			ada: true},
		{name: "following tells only the follower",
			do: func(r *room.Room, ada, bo *room.Member) { bo.Follow() },
			bo: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, ms := seated(t, stepDues, "Ada", "Bo")
			drain(ms...)
			fac := r.Subscribe()
			tt.do(r, ms[0], ms[1])
			if got := pending(fac.C()); got != tt.fac {
				t.Errorf("the facilitator told: %v, want %v", got, tt.fac)
			}
			if got := pending(ms[0].Changes()); got != tt.ada {
				t.Errorf("Ada told: %v, want %v", got, tt.ada)
			}
			if got := pending(ms[1].Changes()); got != tt.bo {
				t.Errorf("Bo told: %v, want %v", got, tt.bo)
			}
		})
	}
}

// drain takes any pending change from members.
func drain(ms ...*room.Member) {
	for _, m := range ms {
		pending(m.Changes())
	}
}

// A session that never reads costs the room nothing: changes pile up as
// one pending value, and the room carries on.
func TestSlowSessionsNeverBlockTheRoom(t *testing.T) {
	r, ms := seated(t, stepDues, "Ada", "Bo")
	r.Subscribe() // never read
	for i := range 10000 {
		vote(t, ms[i%2], "dues", [2]string{"ngo", "mass"}[i/2%2])
	}
	if !pending(ms[0].Changes()) || pending(ms[0].Changes()) {
		t.Error("ten thousand changes should leave exactly one pending")
	}
	// When it catches up, a fresh view has the latest state.
	if got := ms[0].View().Item.Category.Mine; got != "mass" {
		t.Errorf("the latest view says %q, want mass", got)
	}
}

func TestCloseSaysGoodbye(t *testing.T) {
	r, ms := seated(t, stepDues, "Ada", "Bo")
	fac := r.Subscribe()
	gone := r.Subscribe()
	gone.Cancel()
	if !closed(gone.C()) {
		t.Error("a cancelled subscription's channel is open")
	}
	gone.Cancel() // twice is harmless
	r.Close()
	r.Close() // twice is harmless
	for i, m := range ms {
		if !closed(m.Changes()) || m.View().Exit != room.Closed {
			t.Errorf("member %d: channel closed %v, exit %v", i+1, closed(m.Changes()), m.View().Exit)
		}
		m.Leave() // after the room closed: harmless
		m.Follow()
		if m.View().Exit != room.Closed {
			t.Errorf("member %d's exit changed after closing", i+1)
		}
	}
	if !closed(fac.C()) {
		t.Error("the facilitator's channel is open after Close")
	}
	fac.Cancel()
	if late := r.Subscribe(); !closed(late.C()) {
		t.Error("a subscription to a closed room is open")
	}
}

// Members are told when the room is driven and when its driver leaves.
func TestMembersSeeTheDriverComeAndGo(t *testing.T) {
	r, _ := newRoom(t, room.Config{})
	ada := join(t, r, "", "Ada")
	watcher := r.Subscribe() // a screen that watches without driving
	if v := ada.View(); v.Driven || v.DriverLeft {
		t.Fatalf("before anyone drives: %+v", v)
	}
	drain(ada)
	d := r.Drive()
	if !pending(ada.Changes()) || !ada.View().Driven {
		t.Fatal("members were not told that the room is driven")
	}
	d.Cancel()
	if !pending(ada.Changes()) || ada.View().Driven || !ada.View().DriverLeft {
		t.Error("members were not told that the driver left")
	}
	watcher.Cancel()
	if ada.View().Driven {
		t.Error("a watching screen counts as driving")
	}
}

// The facilitator's timer reaches members when it starts, stops or changes,
// not at every tick; their screens count down from what they were told.
func TestTimerIsShared(t *testing.T) {
	r, clk := newRoom(t, room.Config{})
	ada := join(t, r, "", "Ada")
	drain(ada)
	r.SetTimer(true, true, 5*time.Minute)
	if !pending(ada.Changes()) {
		t.Fatal("members were not told the timer started")
	}
	clk.Add(90 * time.Second)
	tm := ada.View().Timer
	if !tm.Shown || !tm.Running || tm.Remaining(clk.Now()) != 210*time.Second {
		t.Errorf("after 90 s: %+v, %v left", tm, tm.Remaining(clk.Now()))
	}
	r.SetTimer(true, true, 210*time.Second) // the facilitator's tick
	if pending(ada.Changes()) {
		t.Error("a tick told every member")
	}
	r.SetTimer(true, false, 210*time.Second)
	if !pending(ada.Changes()) || ada.View().Timer.Running {
		t.Error("members were not told the timer paused")
	}
	clk.Add(time.Hour)
	if left := ada.View().Timer.Remaining(clk.Now()); left != 210*time.Second {
		t.Errorf("a paused timer counts down: %v", left)
	}
}

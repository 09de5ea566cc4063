package room_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"studyguide/room"
)

func TestCleanName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ada", "Ada"},
		{"  Ada   Lovelace \t", "Ada Lovelace"},
		{"", ""},
		{" \t\n", ""},
		{"\x1b[31mRed\x1b[0m", "Red"},                            // colours
		{"\x1b]52;c;cm0gLXJmIH4=\x07Ada", "Ada"},                 // OSC 52: write the clipboard
		{"\x1b]0;pwned\x1b\\Ada", "Ada"},                         // retitle the window
		{"Ada\x1b[2J\x1b[H", "Ada"},                              // clear the screen
		{"A\rB\bC\x07D\x00E\x7fF", "A BCDEF"},                    // C0 controls and DEL; a line break is a space
		{"Ada\u009b31mX", "Ada31mX"},                             // a C1 control: its parameters become harmless text
		{"Ada\x9b31m", "Ada31m"},                                 // a stray byte that is not UTF-8
		{"\u202eevil\u202c", "evil"},                             // bidirectional override
		{"zero\u200bwidth", "zerowidth"},                         // invisible formatting
		{"👩\u200d🔬 Lab", "👩\u200d🔬 Lab"},                         // the joiner of an emoji sequence stays
		{"line\nbreak", "line break"},                            // one line
		{"Ünïcødé ok", "Ünïcødé ok"},                             // letters are letters
		{strings.Repeat("a", 40), strings.Repeat("a", 23) + "…"}, // capped
		{strings.Repeat("b", 24), strings.Repeat("b", 24)},       // just fits
		{strings.Repeat("字", 20), strings.Repeat("字", 11) + "…"}, // capped in cells, not bytes
	}
	for _, tt := range tests {
		got := room.CleanName(tt.in)
		if got != tt.want {
			t.Errorf("CleanName(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if w := ansi.StringWidth(got); w > room.MaxNameWidth {
			t.Errorf("CleanName(%q) is %d cells wide", tt.in, w)
		}
	}
}

func TestJoinNamesSeats(t *testing.T) {
	r, _ := newRoom(t, room.Config{})
	tests := []struct {
		key, name string
		seat      int
		want      string
	}{
		{"SHA256:aaa", "Ada", 1, "Ada"},
		{"", "", 2, "member 2"},
		{"SHA256:bbb", "", 3, "member 3"},
		{"", "\x1b[1mBo\x1b[0m", 4, "Bo"},
		{"", "  ", 5, "member 5"},
	}
	for _, tt := range tests {
		m := join(t, r, tt.key, tt.name)
		v := m.View()
		if v.Seat != tt.seat || v.Name != tt.want {
			t.Errorf("Join(%q, %q): seat %d %q, want %d %q", tt.key, tt.name, v.Seat, v.Name, tt.seat, tt.want)
		}
		if m.Returning() {
			t.Errorf("Join(%q, %q): a new seat says returning", tt.key, tt.name)
		}
	}
	fv := r.FacilitatorView()
	want := []string{"Ada", "member 2", "member 3", "Bo", "member 5"}
	if fv.Present != 5 || !slices.Equal(fv.Names, want) {
		t.Errorf("facilitator sees %d: %q, want 5: %q", fv.Present, fv.Names, want)
	}
}

func TestReconnectGetsTheSeatBack(t *testing.T) {
	tests := []struct {
		name             string
		first, again     [2]string // key, name
		sameSeat         bool
		wantName         string
		firstStillInRoom bool
	}{
		{name: "same key", first: [2]string{"K1", "Ada"}, again: [2]string{"K1", ""}, sameSeat: true, wantName: "Ada"},
		{name: "same key, new name renames", first: [2]string{"K1", "Ada"}, again: [2]string{"K1", "Ada L."},
			sameSeat: true, wantName: "Ada L."},
		{name: "same name, no key", first: [2]string{"", "Ada"}, again: [2]string{"", "Ada"}, sameSeat: true, wantName: "Ada"},
		{name: "name in other case, no key", first: [2]string{"", "Ada"}, again: [2]string{"", "ADA"}, sameSeat: true,
			wantName: "Ada"},
		{name: "default name typed back", first: [2]string{"", ""}, again: [2]string{"", "member 1"}, sameSeat: true,
			wantName: "member 1"},
		{name: "same name, other key", first: [2]string{"K1", "Ada"}, again: [2]string{"K2", "Ada"}, wantName: "Ada",
			firstStillInRoom: true},
		{name: "a name does not reach a keyed seat", first: [2]string{"K1", "Ada"}, again: [2]string{"", "Ada"},
			wantName: "Ada", firstStillInRoom: true},
		{name: "no key, no name: a new seat", first: [2]string{"", ""}, again: [2]string{"", ""}, wantName: "member 2",
			firstStillInRoom: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, _ := newRoom(t, room.Config{})
			show(t, r, stepDues)
			first := join(t, r, tt.first[0], tt.first[1])
			vote(t, first, "dues", "mass")
			again := join(t, r, tt.again[0], tt.again[1])
			v := again.View()
			if got := v.Seat == first.View().Seat; got != tt.sameSeat {
				t.Fatalf("same seat: %v, want %v", got, tt.sameSeat)
			}
			if again.Returning() != tt.sameSeat {
				t.Errorf("Returning %v, want %v", again.Returning(), tt.sameSeat)
			}
			if v.Name != tt.wantName {
				t.Errorf("name %q, want %q", v.Name, tt.wantName)
			}
			wantVote, wantPresent, wantExit := "", 2, room.Staying
			if tt.sameSeat {
				wantVote, wantPresent, wantExit = "mass", 1, room.Replaced
			}
			if got := v.Item.Category.Mine; got != wantVote {
				t.Errorf("the seat's vote %q, want %q", got, wantVote)
			}
			if p := r.FacilitatorView().Present; p != wantPresent {
				t.Errorf("%d in the room, want %d", p, wantPresent)
			}
			if e := first.View().Exit; e != wantExit {
				t.Errorf("the first connection's exit %v, want %v", e, wantExit)
			}
			if closed(first.Changes()) != tt.sameSeat {
				t.Errorf("the first connection's channel closed: %v, want %v", !tt.sameSeat, tt.sameSeat)
			}
		})
	}
}

func TestTakenOverConnectionCannotAct(t *testing.T) {
	r, _ := newRoom(t, room.Config{})
	show(t, r, stepDues)
	old := join(t, r, "K", "Ada")
	now := join(t, r, "K", "")
	if err := old.Vote("dues", "ngo"); !errors.Is(err, room.ErrGone) {
		t.Errorf("vote from a replaced connection: %v, want ErrGone", err)
	}
	old.Leave() // must not free the seat the new connection holds
	if p := r.FacilitatorView().Present; p != 1 {
		t.Errorf("%d in the room after the replaced connection left, want 1", p)
	}
	old.Goto(stepTitle2)
	old.Follow()
	vote(t, now, "dues", "ngo")
	if got := r.FacilitatorView().Item.Category.Voted; got != 1 {
		t.Errorf("%d voted, want 1", got)
	}
}

func TestLeaveFreesTheConnectionKeepsTheSeat(t *testing.T) {
	r, _ := newRoom(t, room.Config{})
	fac := r.Subscribe()
	show(t, r, stepDues)
	ada := join(t, r, "K", "Ada")
	bo := join(t, r, "", "Bo")
	vote(t, ada, "dues", "ngo")
	pending(fac.C())
	ada.Leave()
	if !pending(fac.C()) {
		t.Error("the facilitator was not told that a member left")
	}
	fv := r.FacilitatorView()
	if fv.Present != 1 || !slices.Equal(fv.Names, []string{"Bo"}) {
		t.Errorf("after leaving: %d in the room, %q", fv.Present, fv.Names)
	}
	if ada.View().Exit != room.Left || !closed(ada.Changes()) {
		t.Errorf("the leaver's view says %v; channel closed: %v", ada.View().Exit, closed(ada.Changes()))
	}
	if err := ada.Vote("dues", "mass"); !errors.Is(err, room.ErrGone) {
		t.Errorf("vote after leaving: %v", err)
	}
	ada.Leave() // twice is harmless
	if p := r.FacilitatorView().Present; p != 1 {
		t.Errorf("leaving twice: %d in the room", p)
	}
	back := join(t, r, "K", "")
	if v := back.View(); !back.Returning() || v.Item.Category.Mine != "ngo" || v.Name != "Ada" {
		t.Errorf("back: returning %v, vote %q, name %q", back.Returning(), v.Item.Category.Mine, v.Name)
	}
	if p := r.FacilitatorView().Present; p != 2 {
		t.Errorf("after the return: %d in the room, want 2", p)
	}
	_ = bo
}

func TestRoomFull(t *testing.T) {
	r, _ := newRoom(t, room.Config{MaxMembers: 2})
	a := join(t, r, "A", "")
	join(t, r, "B", "")
	if _, err := r.Join("C", ""); !errors.Is(err, room.ErrFull) {
		t.Fatalf("third member in a room of two: %v", err)
	}
	// Taking over a connected seat adds nobody: allowed.
	join(t, r, "A", "")
	// A returning member whose seat is free still needs room.
	a.Leave() // a was already replaced: nothing changes
	if _, err := r.Join("C", ""); !errors.Is(err, room.ErrFull) {
		t.Errorf("a full room let in another member: %v", err)
	}
	if p := r.FacilitatorView().Present; p != 2 {
		t.Errorf("%d in a full room of two", p)
	}
}

func TestRoomFullWhenLeaving(t *testing.T) {
	r, _ := newRoom(t, room.Config{MaxMembers: 1})
	a := join(t, r, "A", "")
	if _, err := r.Join("", "Bo"); !errors.Is(err, room.ErrFull) {
		t.Fatalf("second member in a room of one: %v", err)
	}
	a.Leave()
	join(t, r, "", "Bo")
	if _, err := r.Join("A", ""); !errors.Is(err, room.ErrFull) {
		t.Errorf("a returning member into a full room: %v", err)
	}
}

func TestSeatsAreBounded(t *testing.T) {
	r, _ := newRoom(t, room.Config{MaxMembers: 2})
	// Members who come and go keep their seats, up to four per place.
	for i := range 8 {
		m := join(t, r, "", "")
		if m.View().Seat != i+1 {
			t.Fatalf("seat %d, want %d", m.View().Seat, i+1)
		}
		m.Leave()
	}
	if _, err := r.Join("", ""); !errors.Is(err, room.ErrFull) {
		t.Errorf("a ninth seat in a room of two: %v", err)
	}
	// Existing seats can still come back.
	join(t, r, "", "member 3")
}

func TestDefaultNameTakenByATypedOne(t *testing.T) {
	r, _ := newRoom(t, room.Config{})
	typed := join(t, r, "", "member 2") // seat 1, typed a name like a default
	anon := join(t, r, "", "")          // seat 2, default name "member 2"
	if v := anon.View(); v.Seat != 2 || v.Name != "member 2" {
		t.Fatalf("anonymous seat %d %q", v.Seat, v.Name)
	}
	// Typing "member 2" again reaches the seat that typed it first.
	again := join(t, r, "", "member 2")
	if again.View().Seat != 1 || typed.View().Exit != room.Replaced || anon.View().Exit != room.Staying {
		t.Errorf("typing the name again reached seat %d", again.View().Seat)
	}
}

func TestJoinClosedRoom(t *testing.T) {
	r, _ := newRoom(t, room.Config{})
	r.Close()
	if _, err := r.Join("K", "Ada"); !errors.Is(err, room.ErrClosed) {
		t.Errorf("Join on a closed room: %v", err)
	}
}

func TestFollowing(t *testing.T) {
	r, _ := newRoom(t, room.Config{})
	show(t, r, stepTitle2)
	ada := join(t, r, "A", "Ada")
	if v := ada.View(); !v.Following || v.Step != stepTitle2 || v.RoomStep != stepTitle2 {
		t.Fatalf("a joiner: following %v at %+v", v.Following, v.Step)
	}
	pending(ada.Changes())
	show(t, r, stepDues)
	if !pending(ada.Changes()) {
		t.Error("a follower was not told that the room moved")
	}
	if v := ada.View(); v.Step != stepDues || v.Item == nil || v.Item.Scenario != "dues" {
		t.Errorf("a follower sees %+v (item %v), want the room's step", v.Step, v.Item)
	}
	// Reading ahead: the member stays where they went while the room moves.
	ahead := room.Step{Index: 20, Chapter: 3}
	ada.Goto(ahead)
	if !pending(ada.Changes()) {
		t.Error("Goto did not tell the member's session")
	}
	show(t, r, stepAssem)
	v := ada.View()
	if v.Following || v.Step != ahead || v.RoomStep != stepAssem || v.Item != nil {
		t.Errorf("reading ahead: following %v at %+v, room at %+v, item %v", v.Following, v.Step, v.RoomStep, v.Item)
	}
	// Reading back onto an item the room has shown shows that item's vote.
	ada.Goto(stepDues)
	if v := ada.View(); v.Item == nil || v.Item.Scenario != "dues" {
		t.Errorf("back on an item the room showed: item %v", v.Item)
	}
	// Follow snaps back to the room's step.
	ada.Follow()
	if v := ada.View(); !v.Following || v.Step != stepAssem || v.Item.Scenario != "assembly" {
		t.Errorf("after Follow: following %v at %+v", v.Following, v.Step)
	}
	// A late joiner lands on the room's step; so does a reconnect.
	ada.Goto(ahead)
	if v := join(t, r, "", "Late").View(); v.Step != stepAssem || !v.Following {
		t.Errorf("a late joiner lands on %+v", v.Step)
	}
	if v := join(t, r, "A", "").View(); v.Step != stepAssem || !v.Following {
		t.Errorf("a reconnect lands on %+v, following %v", v.Step, v.Following)
	}
}

func TestShowRefusesAnUnknownScenario(t *testing.T) {
	r, _ := newRoom(t, room.Config{})
	show(t, r, stepTitle2)
	if err := r.Show(room.Step{Index: 5, Chapter: 2, Scenario: "nope"}); err == nil {
		t.Error("Show accepted a scenario the quiz does not have")
	}
	if r.FacilitatorView().Step != stepTitle2 {
		t.Error("a refused Show moved the room")
	}
	noQuiz := testPack()
	noQuiz.Quiz = nil
	r2, _ := newRoom(t, room.Config{Pack: noQuiz})
	if err := r2.Show(stepDues); err == nil {
		t.Error("Show accepted a quiz step in a pack without a quiz")
	}
	show(t, r2, stepTitle2)
}

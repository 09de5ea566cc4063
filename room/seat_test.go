package room_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

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
		// A name alone never takes a seat: the second gets a seat of their
		// own, under a name told apart from the first.
		{name: "same name, no key", first: [2]string{"", "Ada"}, again: [2]string{"", "Ada"}, wantName: "Ada 2",
			firstStillInRoom: true},
		{name: "name in other case, no key", first: [2]string{"", "Ada"}, again: [2]string{"", "ADA"},
			wantName: "ADA 2", firstStillInRoom: true},
		{name: "default name typed", first: [2]string{"", ""}, again: [2]string{"", "member 1"},
			wantName: "member 1 2", firstStillInRoom: true},
		{name: "same name, other key", first: [2]string{"K1", "Ada"}, again: [2]string{"K2", "Ada"}, wantName: "Ada 2",
			firstStillInRoom: true},
		{name: "a name does not reach a keyed seat", first: [2]string{"K1", "Ada"}, again: [2]string{"", "Ada"},
			wantName: "Ada 2", firstStillInRoom: true},
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
	if _, err := r.Join("", "Cy"); !errors.Is(err, room.ErrFull) {
		t.Errorf("a newcomer into a full room: %v", err)
	}
	// A member coming back to their own seat is never refused, by key or
	// by seat word.
	back := join(t, r, "A", "")
	if v := back.View(); v.Seat != 1 || !back.Returning() {
		t.Errorf("coming back by key to a full room: seat %d, returning %v", v.Seat, back.Returning())
	}
	word := back.SeatWord()
	back.Leave()
	if _, err := r.Join("", "Cy"); !errors.Is(err, room.ErrFull) {
		t.Errorf("a newcomer into a full room: %v", err)
	}
	again, err := r.Reclaim(word)
	if err != nil || again.View().Seat != 1 {
		t.Fatalf("coming back by seat word to a full room: %v", err)
	}
	if p := r.FacilitatorView().Present; p != 2 {
		t.Errorf("%d in the room, want 2 (one newcomer, one back)", p)
	}
}

// People coming and going never fill the room: only those present count
// against the cap, and the seats kept stay bounded.
func TestComingAndGoingNeverFillsTheRoom(t *testing.T) {
	r, _ := newRoom(t, room.Config{MaxMembers: 2})
	show(t, r, stepDues)
	first := join(t, r, "", "First")
	vote(t, first, "dues", "ngo")
	word := first.SeatWord()
	first.Leave()
	for i := range 500 {
		m, err := r.Join("", "")
		if err != nil {
			t.Fatalf("cycle %d: %v", i+1, err)
		}
		if i%2 == 0 {
			vote(t, m, "dues", "mass")
		}
		m.Leave()
	}
	if p := r.FacilitatorView().Present; p != 0 {
		t.Fatalf("%d in an empty room", p)
	}
	a := join(t, r, "", "")
	join(t, r, "", "")
	if _, err := r.Join("", ""); !errors.Is(err, room.ErrFull) {
		t.Errorf("a third member in a room of two: %v", err)
	}
	if v := a.View(); v.Seat != 502 || v.Name != "member 502" {
		t.Errorf("the next seat is %d %q, want 502 \"member 502\"", v.Seat, v.Name)
	}
	// The oldest empty seat was forgotten: its word finds nothing, and
	// its vote still counts.
	if _, err := r.Reclaim(word); !errors.Is(err, room.ErrNoSeat) {
		t.Errorf("a forgotten seat's word: %v", err)
	}
	r.Reveal("dues")
	if got := counts(r.FacilitatorView().Item.Category.Tally); got["ngo"] != [2]int{1, 0} || got["mass"] != [2]int{250, 0} {
		t.Errorf("tally %v, want ngo 1, mass 250", got)
	}
}

func TestSeatWordTakesTheSeatBack(t *testing.T) {
	r, _ := newRoom(t, room.Config{})
	show(t, r, stepDues)
	ada := join(t, r, "", "Ada")
	vote(t, ada, "dues", "mass")
	word := ada.SeatWord()
	if _, ok := room.ParseSeatWord(word); !ok {
		t.Fatalf("seat word %q does not read back", word)
	}
	other := join(t, r, "", "")
	if other.SeatWord() == word {
		t.Fatal("two seats share a seat word")
	}
	typed := strings.ToUpper(strings.ReplaceAll(word, "-", " "))
	back, err := r.Reclaim(typed)
	if err != nil {
		t.Fatalf("Reclaim(%q): %v", typed, err)
	}
	v := back.View()
	if v.Seat != 1 || v.Name != "Ada" || v.Item.Category.Mine != "mass" || !back.Returning() {
		t.Errorf("back: seat %d %q vote %q returning %v", v.Seat, v.Name, v.Item.Category.Mine, back.Returning())
	}
	if ada.View().Exit != room.Replaced {
		t.Errorf("the connection still on the seat: %v, want Replaced", ada.View().Exit)
	}
	for _, wrong := range []string{"", "Ada", "member 1", "bbbb-bbbb", word + "x"} {
		if _, err := r.Reclaim(wrong); !errors.Is(err, room.ErrNoSeat) {
			t.Errorf("Reclaim(%q): %v, want ErrNoSeat", wrong, err)
		}
	}
}

func TestParseSeatWord(t *testing.T) {
	tests := []struct {
		typed, want string
		ok          bool
	}{
		{"k7m2-9qxw", "k7m2-9qxw", true},
		{"K7M2 9QXW", "k7m2-9qxw", true},
		{" k7m29qxw ", "k7m2-9qxw", true},
		{"k7m2-9qx", "", false},        // too short
		{"mark-anne", "", false},       // vowels: a name
		{"k7m2-9qx1", "", false},       // 1 is not in the alphabet
		{"k7m2-9qxwk", "", false},      // too long
		{"k7m2\x1b[2J9qxw", "", false}, // not a word at all
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := room.ParseSeatWord(tt.typed)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseSeatWord(%q) = %q %v, want %q %v", tt.typed, got, ok, tt.want, tt.ok)
		}
	}
}

// Two members never share a name on the list of who is here.
func TestNamesAreToldApart(t *testing.T) {
	r, _ := newRoom(t, room.Config{})
	join(t, r, "", "Ana")
	join(t, r, "", "ana")
	join(t, r, "", "Ana")
	long := strings.Repeat("x", room.MaxNameWidth)
	join(t, r, "", long)
	join(t, r, "", long)
	k := join(t, r, "K", "Bo")
	join(t, r, "", "Cy")
	k.Leave()
	join(t, r, "K", "Cy") // a rename to a name taken is told apart too
	names := r.FacilitatorView().Names
	want := []string{"Ana", "ana 2", "Ana 3", long, strings.Repeat("x", room.MaxNameWidth-3) + "… 2", "Cy 2", "Cy"}
	if !slices.Equal(names, want) {
		t.Errorf("names %q, want %q", names, want)
	}
	for _, n := range names {
		if w := ansi.StringWidth(n); w > room.MaxNameWidth {
			t.Errorf("%q is %d cells wide", n, w)
		}
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

// A random source that repeats itself makes an error, not a room that
// hangs looking for a seat word nobody has.
func TestSeatWordsFromARepeatingSource(t *testing.T) {
	r, err := room.New(room.Config{Pack: testPack(), Random: zeroReader{}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Join("", "Ada"); err != nil {
		t.Fatalf("the first seat: %v", err)
	}
	done := make(chan error, 1)
	go func() { _, err := r.Join("", "Bo"); done <- err }()
	select {
	case err := <-done:
		if err == nil {
			t.Error("a second seat got the first one's word")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Join hangs on a repeating random source")
	}
}

type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

func TestLooksLikeSeatWord(t *testing.T) {
	for typed, want := range map[string]bool{"abcd-efgh": true, "K7M2-9QXW": true, " mark-anne ": true, "mark anne": false,
		"abcdefgh": false, "abc-defgh": false, "Ana": false, "ab_d-efgh": false} {
		if got := room.LooksLikeSeatWord(typed); got != want {
			t.Errorf("LooksLikeSeatWord(%q) = %v", typed, got)
		}
	}
}

package tui

import (
	"math/rand/v2"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"studyguide/meeting"
	"studyguide/room"
)

// roomFixture is a room on the built-in pack with the facilitator's
// presenter around it, driven like the harness drives any screen.
type roomFixture struct {
	*harness
	r    *room.Room
	deck *Deck
}

func newRoomFixture(t *testing.T, w, h int, web ...string) *roomFixture {
	t.Helper()
	pack := testPack(t)
	r, err := room.New(room.Config{Pack: pack})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(r.Close)
	deck := NewDeck(pack, 4, 1)
	info := JoinInfo{Hosts: []string{"192.0.2.10", "2001:db8::1"}, Port: 2222, Code: r.Code(), Fingerprint: "SHA256:test", Web: web}
	hs := newHarness(t, w, h, Options{Present: true, Chapter: 2, Room: &RoomOptions{Room: r, Deck: deck, Info: info}})
	return &roomFixture{harness: hs, r: r, deck: deck}
}

// changed tells the presenter the room changed, as the wiring does.
func (f *roomFixture) changed() { f.send(RoomChangedMsg{}) }

// toQuiz steps the facilitator to chapter 2's first quiz item and returns
// its scenario ID.
func (f *roomFixture) toQuiz() string {
	for f.m.present.step().Kind != meeting.Quiz {
		f.keys("right")
	}
	return f.m.present.step().Scenario.ID
}

// The facilitator's screen says how to join on the title card and on j,
// and how many are in the room on the status line; w names them.
func TestFacilitatorSeesWhoIsInTheRoom(t *testing.T) {
	f := newRoomFixture(t, 100, 30)
	f.mustSee("Join: ssh -p 2222 192.0.2.10 · code "+room.FormatCode(f.r.Code()), "server key SHA256:test", "0 in the room",
		"ch 2 · 1/")
	a, _ := f.r.Join("", "Ada")
	if _, err := f.r.Join("", "Bo"); err != nil {
		t.Fatal(err)
	}
	f.changed()
	f.mustSee("2 in the room")
	f.keys("w")
	f.mustSee("In the room (2)", "Ada", "Bo")
	f.keys("esc")
	a.Leave()
	f.changed()
	f.mustSee("1 in the room")
	f.keys("j")
	f.mustSee("in a terminal: ssh -p 2222 192.0.2.10", "or: ssh -p 2222 [2001:db8::1]", "code "+room.FormatCode(f.r.Code()),
		"SHA256:test", "anonymous")
}

// Every step the facilitator shows is the room's step.
func TestFacilitatorStepsMoveTheRoom(t *testing.T) {
	f := newRoomFixture(t, 100, 30)
	if got := f.r.FacilitatorView().Step; got != f.deck.Start(2) {
		t.Fatalf("the room starts on %+v, want chapter 2's title %+v", got, f.deck.Start(2))
	}
	f.keys("right", "right", "]")
	if got, want := f.r.FacilitatorView().Step, f.deck.Step(f.m.present.at); got != want || want.Chapter != 3 {
		t.Errorf("the room is on %+v, the presenter on %+v", got, want)
	}
}

// On a quiz step the facilitator sees how many have voted and the hands
// counted, never the split; r reveals it through the room.
func TestFacilitatorSeesCountsNotTheSplitUntilReveal(t *testing.T) {
	f := newRoomFixture(t, 100, 40)
	sc := f.toQuiz()
	a, _ := f.r.Join("", "Ada")
	b, _ := f.r.Join("", "Bo")
	f.changed()
	f.mustSee("0 of 2 voted")
	if err := a.Vote(sc, "ngo"); err != nil {
		t.Fatal(err)
	}
	if err := b.Vote(sc, "mass"); err != nil {
		t.Fatal(err)
	}
	f.changed()
	f.keys("1")
	f.mustSee("2 of 2 voted · 1 hand")
	f.mustNotSee("█")
	f.keys("u")
	f.mustSee("2 of 2 voted")
	f.mustNotSee("1 hand")
	f.keys("2", "r")
	iv, _ := f.r.Item(sc)
	if !iv.Category.Revealed || iv.Category.Tally[1].Hands != 1 {
		t.Fatalf("r did not reveal through the room: %+v", iv.Category)
	}
	f.mustSee("█")
}

// sessionDriver drives one SSH connection's program without SSH.
type sessionDriver struct {
	t      testing.TB
	m      tea.Model
	w, h   int
	joined *room.Member
	said   string
	quit   bool
}

func newSessionDriver(t testing.TB, r *room.Room, deck *Deck, w, h int) *sessionDriver {
	t.Helper()
	d := &sessionDriver{t: t, w: w, h: h}
	gate, err := r.Gate("192.0.2.1:5000")
	if err != nil {
		t.Fatal(err)
	}
	d.m = NewSession(testPack(t), SessionOptions{Room: r, Gate: gate, Deck: deck,
		Joined: func(m *room.Member) { d.joined = m }, Farewell: func(s string) { d.said = s }})
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	return d
}

func (d *sessionDriver) send(msg tea.Msg) {
	var cmd tea.Cmd
	d.m, cmd = d.m.Update(msg)
	for cmd != nil {
		m := cmd()
		cmd = nil
		switch m := m.(type) {
		case tea.QuitMsg:
			d.quit = true
		case tea.BatchMsg:
			for _, c := range m {
				if c != nil {
					if _, ok := c().(tea.QuitMsg); ok {
						d.quit = true
					}
				}
			}
		case openTermMsg:
			d.m, cmd = d.m.Update(m)
		}
	}
	checkFits(d.t, d.m.View().Content, d.w, d.h)
}

func (d *sessionDriver) keys(names ...string) {
	for _, n := range names {
		d.send(keyPress(n))
	}
}

func (d *sessionDriver) typeText(s string) {
	for _, r := range s {
		d.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func (d *sessionDriver) screen() string { return ansi.Strip(d.m.View().Content) }

func (d *sessionDriver) mustSee(texts ...string) {
	d.t.Helper()
	s := d.screen()
	f := strings.Join(strings.Fields(s), " ")
	for _, txt := range texts {
		if !strings.Contains(s, txt) && !strings.Contains(f, txt) {
			d.t.Fatalf("screen does not show %q:\n%s", txt, s)
		}
	}
}

// A member joins with the code and a name, follows the room, votes, sees
// the reveal beside their own vote, and finds where they differed; at
// 40x12 and 80x24 every frame fits.
func TestMemberJoinsVotesAndSeesTheReveal(t *testing.T) {
	for _, size := range [][2]int{{40, 12}, {80, 24}} {
		pack := testPack(t)
		r, _ := room.New(room.Config{Pack: pack})
		deck := NewDeck(pack, 4, 1)
		_ = r.Show(deck.Start(2))
		d := newSessionDriver(t, r, deck, size[0], size[1])
		d.mustSee("Room code:")
		d.typeText("x")
		d.keys("enter")
		d.mustSee("2 tries left")
		d.typeText(r.Code())
		d.keys("enter")
		d.mustSee("Your name:")
		d.typeText("Ada")
		d.keys("enter")
		if d.joined == nil || r.FacilitatorView().Names[0] != "Ada" {
			t.Fatalf("%v: not seated: %q", size, r.FacilitatorView().Names)
		}
		d.mustSee("ch 2 · 1/")
		_ = r.Show(deck.Step(deck.Start(2).Index + 1)) // a passage: its terms open for this member alone
		d.send(RoomChangedMsg{})
		d.keys("tab", "enter")
		if sm := d.m.(sessionModel); len(sm.member.overlays) != 1 || sm.member.p.focus < 0 {
			t.Fatalf("%v: tab and enter on a passage opened %d popups", size, len(sm.member.overlays))
		}
		d.keys("esc")
		q := deck.Start(2).Index
		for deck.Step(q).Scenario == "" {
			q++
		}
		_ = r.Show(deck.Step(q))
		d.send(RoomChangedMsg{})
		d.mustSee("Quiz · scenario 1 of 4")
		d.keys("down", "enter")
		if iv, _ := d.joined.Item(deck.Step(q).Scenario); iv.Category.Mine != "ngo" {
			t.Fatalf("%v: the arrows and enter voted %q", size, iv.Category.Mine)
		}
		r.Reveal(deck.Step(q).Scenario)
		d.send(RoomChangedMsg{})
		d.mustSee("You said NGO-like · the room: 1 NGO-like")
		d.keys("s")
		d.mustSee("Where you differed")
		d.keys("esc", "space")
		d.mustSee("on your own · f follows")
		d.keys("f")
		d.mustSee("following") // "following the room" where there is room
		r.Close()
		d.send(RoomChangedMsg{})
		if !d.quit {
			t.Errorf("%v: the program did not end with the room", size)
		}
		if got := MemberFarewell(pack, d.joined, size[0]); !strings.Contains(got, "The facilitator ended the meeting") {
			t.Errorf("%v: the farewell: %q", size, got)
		}
	}
}

// Whatever a member presses, at whatever size, the program never panics,
// every frame fits, and nothing but the member's own vote reaches the
// room.
func TestMemberRandomKeys(t *testing.T) {
	pack := testPack(t)
	r, _ := room.New(room.Config{Pack: pack})
	deck := NewDeck(pack, 4, 1)
	_ = r.Show(deck.Start(2))
	rng := rand.New(rand.NewPCG(7, 7))
	keys := []string{"space", "left", "right", "f", "1", "2", "3", "0", "up", "down", "enter", "tab", "shift+tab",
		"i", "?", "s", "t", "esc", "j", "k", "]", "[", "r", "q", "n", "a", "backspace", "pgdown", "g", "G"}
	d := newSessionDriver(t, r, deck, 80, 24)
	d.typeText(r.Code())
	d.keys("enter", "enter")
	for step := 0; step < roomWalkSteps() && !d.quit; step++ {
		if step%100 == 0 {
			size := walkSizes[rng.IntN(len(walkSizes))]
			d.w, d.h = size[0], size[1]
			d.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		}
		if step%37 == 0 { // the room moves on, and reveals
			i := rng.IntN(deck.Len())
			_ = r.Show(deck.Step(i))
			if sc := deck.Step(i).Scenario; sc != "" && rng.IntN(2) == 0 {
				r.Reveal(sc)
			}
			d.send(RoomChangedMsg{})
		}
		d.keys(keys[rng.IntN(len(keys))])
	}
	fv := r.FacilitatorView()
	if fv.Step.Chapter == 0 || fv.Present > 1 {
		t.Errorf("a member changed the room: %+v", fv)
	}
}

// The facilitator's presenter in a room, under random keys and sizes while
// members join, vote and leave: no panic, every frame fits before it is
// cut to the terminal, and the room always shows the presenter's step.
func TestFacilitatorRandomKeys(t *testing.T) {
	f := newRoomFixture(t, 80, 24)
	rng := rand.New(rand.NewPCG(11, 11))
	keys := append([]string{"j", "w", "esc", "right", "right", "1", "2", "r", "u"}, screenKeys[screenPresent]...)
	var members []*room.Member
	for step := 0; step < roomWalkSteps() && !f.quit; step++ {
		if step%150 == 0 {
			size := walkSizes[3+rng.IntN(len(walkSizes)-3)] // from 20x5 up
			f.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		}
		switch rng.IntN(10) {
		case 0:
			if m, err := f.r.Join("", ""); err == nil {
				members = append(members, m)
			}
		case 1:
			if len(members) > 0 {
				members[rng.IntN(len(members))].Leave()
			}
		case 2:
			if len(members) > 0 {
				_ = members[rng.IntN(len(members))].Vote(f.r.FacilitatorView().Step.Scenario, []string{"ngo", "mass"}[rng.IntN(2)])
			}
		}
		f.changed()
		k := keys[rng.IntN(len(keys))]
		if k == "q" || k == "y" {
			continue // quitting ends the walk; tested on its own
		}
		f.keys(k)
		if f.m.tooSmall() {
			continue
		}
		base, _ := f.m.layers()
		checkFits(t, base, f.m.c.width, f.m.c.height)
		if got, want := f.r.FacilitatorView().Step.Index, f.m.present.at; got != want {
			t.Fatalf("step %d: the room is on step %d, the presenter on %d", step, got, want)
		}
	}
}

// roomWalkSteps is how long the room's random walks go: shorter with
// -short and under the race detector, which makes each step several times
// slower (the full walks run in a plain go test).
func roomWalkSteps() int {
	switch {
	case testing.Short():
		return 100
	case raceEnabled:
		return 400
	}
	return 1500
}

// A connection that comes to drive a headless room hands the facilitator's
// screen to a program of its own, which the wiring runs at the projector's
// frame rate: the join program ends, and the model it hands over starts
// on the facilitator's screen without asking to drive a second time.
// Without HandOff the facilitator's screen stays in the join program.
func TestDriverHandsOffToAProgramOfItsOwn(t *testing.T) {
	for _, handOff := range []bool{true, false} {
		pack := testPack(t)
		r, err := room.New(room.Config{Pack: pack, FacilitatorCode: true})
		if err != nil {
			t.Fatal(err)
		}
		deck := NewDeck(pack, 4, 1)
		_ = r.Show(deck.Start(2))
		gate, _ := r.Gate("192.0.2.1:5000")
		drives := 0
		d := &sessionDriver{t: t, w: 80, h: 24}
		d.m = NewSession(pack, SessionOptions{Room: r, Gate: gate, Deck: deck, Width: 80, Height: 24, HandOff: handOff,
			Drive: func(bool) bool { drives++; return true }})
		d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
		d.typeText(r.FacilitatorCode())
		d.keys("enter")
		next, ok := HandedOff(d.m)
		if ok != handOff || d.quit != handOff {
			t.Fatalf("HandOff %v: handed off %v, the join program ended %v", handOff, ok, d.quit)
		}
		if !handOff {
			d.mustSee("0 in the room", "ch 2 · 1/")
			r.Close()
			continue
		}
		if _, again := HandedOff(next); again {
			t.Fatal("the handed-over model hands off again")
		}
		msgs := []tea.Msg{next.Init()()}
		if b, ok := msgs[0].(tea.BatchMsg); ok {
			msgs = msgs[:0]
			for _, c := range b {
				msgs = append(msgs, c())
			}
		}
		d2 := &sessionDriver{t: t, m: next, w: 80, h: 24}
		for _, msg := range msgs {
			d2.send(msg)
		}
		if drives != 1 {
			t.Errorf("asked to drive %d times, want once", drives)
		}
		d2.mustSee("0 in the room", "ch 2 · 1/")
		if _, err := r.Join("", "Ada"); err != nil {
			t.Fatal(err)
		}
		d2.send(RoomChangedMsg{})
		d2.mustSee("1 in the room")
		d2.keys("right")
		if got := r.FacilitatorView().Step.Index; got != deck.Start(2).Index+1 {
			t.Errorf("→ on the handed-over screen moved the room to step %d", got)
		}
		r.Close()
	}
}

// At projector size (64x20) a room voting on the warning signs sees every
// sign's label whole on the facilitator's screen; after the reveal, where
// the counts and the ✓ need room, the labels may be shortened but every
// line still fits.
func TestRoomSeesWholeSignLabelsAt64Columns(t *testing.T) {
	f := newRoomFixture(t, 64, 20)
	sc := f.toQuiz()
	if _, err := f.r.Join("", "Ada"); err != nil {
		t.Fatal(err)
	}
	f.changed()
	f.keys("1", "r") // a hand for NGO-like, revealed: the sign vote opens
	if iv, _ := f.r.Item(sc); !iv.Sign.Asked {
		t.Fatalf("no sign vote after the reveal of %s", sc)
	}
	f.mustSee("0 of 1 voted")
	for _, sg := range f.m.c.pack.Quiz.Signs {
		f.mustSee(sg.Label)
	}
}

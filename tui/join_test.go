package tui

import (
	"image/color"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"studyguide/room"
)

// blackish is a dark terminal's background, as it answers.
var blackish = color.RGBA{R: 12, G: 12, B: 12, A: 255}

// joinFixture is a room on the test pack with its deck at chapter 2.
func joinFixture(t *testing.T) (*room.Room, *Deck) {
	t.Helper()
	pack := testPack(t)
	r, err := room.New(room.Config{Pack: pack})
	if err != nil {
		t.Fatal(err)
	}
	deck := NewDeck(pack, 4, 1)
	_ = r.Show(deck.Start(2))
	return r, deck
}

func (d *sessionDriver) mustNotSee(text string) {
	d.t.Helper()
	if s := d.screen(); strings.Contains(strings.Join(strings.Fields(s), " "), text) {
		d.t.Fatalf("screen shows %q:\n%s", text, s)
	}
}

// A pasted code is taken (its digits: terminals paste what was copied,
// spaces, labels and line ends too), and an enter on nothing costs no try.
func TestJoinTakesAPastedCodeAndNoEmptyTry(t *testing.T) {
	r, deck := joinFixture(t)
	d := newSessionDriver(t, r, deck, 80, 24)
	gate := d.m.(sessionModel).o.Gate
	d.keys("enter")
	d.mustSee("Type the room's code first")
	if gate.Left() != room.MaxAttempts {
		t.Fatalf("an empty enter cost a try: %d left", gate.Left())
	}
	d.send(tea.PasteMsg{Content: "code: " + room.FormatCode(r.Code()) + "\r\n"})
	d.mustSee("Room code: " + r.Code())
	d.keys("enter")
	d.mustSee("Your name:")
	d.send(tea.PasteMsg{Content: "\x1b]0;PWNED\x07Ada\nLovelace\x1b[2J"})
	d.mustSee("Your name: Ada Lovelace")
	d.keys("enter")
	if d.joined == nil || d.joined.View().Name != "Ada Lovelace" {
		t.Fatalf("a pasted name did not seat the member: %v", r.FacilitatorView().Names)
	}
}

// A member without a key gets their seat back with the seat word their
// own screen showed them; a name alone never takes it, and a wrong seat
// word is a wrong try.
func TestSeatWordTakesTheSeatBack(t *testing.T) {
	r, deck := joinFixture(t)
	q := deck.Start(2).Index
	for deck.Step(q).Scenario == "" {
		q++
	}
	_ = r.Show(deck.Step(q))
	ada := newSessionDriver(t, r, deck, 100, 30)
	ada.typeText(r.Code())
	ada.keys("enter", "enter") // the default name: "member 1"
	word := ada.joined.SeatWord()
	ada.mustSee("following the room · seat word " + word)
	ada.keys("2")
	ada.send(RoomChangedMsg{}) // as the wiring relays the vote back
	ada.mustSee("your vote")

	impostor := newSessionDriver(t, r, deck, 100, 30)
	impostor.typeText(r.Code())
	impostor.keys("enter")
	impostor.typeText("member 1")
	impostor.keys("enter")
	if v := impostor.joined.View(); v.Name != "member 1 2" || v.Item.Category.Mine != "" {
		t.Fatalf("typing the name reached seat %d %q with vote %q", v.Seat, v.Name, v.Item.Category.Mine)
	}
	impostor.mustNotSee("your vote")

	back := newSessionDriver(t, r, deck, 100, 30)
	back.typeText(r.Code())
	back.keys("enter")
	back.typeText("bbbb-cccc")
	back.keys("enter")
	back.mustSee("No seat in this room has that seat word: 2 tries left")
	back.typeText("abcd-efgh") // mistyped: never a seat, never a name
	back.keys("enter")
	back.mustSee("No seat in this room has that seat word: 1 try left")
	back.typeText(strings.ToUpper(word))
	back.keys("enter")
	if v := back.joined.View(); v.Seat != 1 || v.Item.Category.Mine != "mass" {
		t.Fatalf("the seat word reached seat %d with vote %q", v.Seat, v.Item.Category.Mine)
	}
	back.mustSee("your vote")
	if ada.joined.View().Exit != room.Replaced {
		t.Error("the old connection still holds the seat")
	}
}

// t on a member's screen over SSH paints the page in the chosen theme:
// the member's terminal keeps its own background otherwise, and light
// text would land on a dark page.
func TestMemberThemePaintsThePage(t *testing.T) {
	r, deck := joinFixture(t)
	d := newSessionDriver(t, r, deck, 80, 24)
	d.send(tea.BackgroundColorMsg{Color: blackish})
	d.typeText(r.Code())
	d.keys("enter", "enter")
	if v := d.m.View(); v.BackgroundColor != nil {
		t.Fatalf("the terminal's own theme is painted over: %v", v.BackgroundColor)
	}
	d.keys("t")
	v := d.m.View()
	if v.BackgroundColor == nil || v.ForegroundColor == nil {
		t.Fatal("t gave a light theme on a dark terminal without painting the page")
	}
	d.send(tea.BackgroundColorMsg{Color: blackish}) // a late answer keeps the member's choice
	if v := d.m.View(); v.BackgroundColor == nil {
		t.Error("the terminal's answer undid the member's t")
	}
}

// Members are told when the facilitator driving the room leaves.
func TestMemberSeesTheDriverLeave(t *testing.T) {
	r, deck := joinFixture(t)
	drive := r.Drive()
	d := newSessionDriver(t, r, deck, 80, 24)
	d.typeText(r.Code())
	d.keys("enter", "enter")
	d.mustNotSee("the facilitator left")
	drive.Cancel()
	d.send(RoomChangedMsg{})
	d.mustSee("the facilitator left · the room waits")
}

// The facilitator's screen says when someone is guessing the code.
func TestFacilitatorSeesCodeGuessing(t *testing.T) {
	f := newRoomFixture(t, 100, 30)
	for i := range room.RoomFailures {
		g, err := f.r.Gate("10.9.0." + string(rune('0'+i%10)) + string(rune('a'+i/10)) + ":1")
		if err != nil {
			t.Fatal(err)
		}
		_, _ = g.Check("1")
	}
	f.changed()
	f.mustSee("0 in the room · ⚠ 30 wrong codes: someone is guessing, joins paused")
}

// The facilitator's timer shows on a member's status line, and counts down
// there.
func TestMemberSeesTheTimer(t *testing.T) {
	r, deck := joinFixture(t)
	d := newSessionDriver(t, r, deck, 80, 24)
	d.typeText(r.Code())
	d.keys("enter", "enter")
	d.mustNotSee("⏱")
	r.SetTimer(true, true, 5*time.Minute)
	d.send(RoomChangedMsg{})
	d.mustSee("⏱ 4:5") // 4:59 or 4:58: the clock runs
	r.SetTimer(true, false, 3*time.Minute)
	d.send(RoomChangedMsg{})
	d.mustSee("⏱ 3:00 paused")
}

// The facilitator's t starts the room's timer, which members see; pausing
// it pauses theirs.
func TestFacilitatorSharesTheTimer(t *testing.T) {
	f := newRoomFixture(t, 100, 30)
	ada, err := f.r.Join("", "Ada")
	if err != nil {
		t.Fatal(err)
	}
	f.keys("t")
	if tm := ada.View().Timer; !tm.Shown || !tm.Running || tm.Left != 5*time.Minute {
		t.Fatalf("after t: %+v", tm)
	}
	f.keys("t")
	if tm := ada.View().Timer; tm.Running {
		t.Errorf("after t again: %+v", tm)
	}
}

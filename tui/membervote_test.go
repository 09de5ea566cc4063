package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"studyguide/room"
)

// A member's sign vote, once the category is revealed, keeps the vote
// whole on screen with its instruction — every sign, "vote with 1–9 and
// 0" — at 80x24 with the scenario above it, and at 60x20 (the scenario
// scrolled as far as it must). ↑/↓ choose a sign; the status line offers
// j/k, not ↑/↓, for scrolling.
func TestMemberSignVoteStaysOnScreen(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 20}} {
		at := fmt.Sprintf("%dx%d", size[0], size[1])
		pack := testPack(t)
		r, _ := room.New(room.Config{Pack: pack})
		deck := NewDeck(pack, 4, 1)
		q := deck.Start(2).Index
		for deck.Step(q).Scenario == "" {
			q++
		}
		sc, _ := pack.Quiz.Scenario(deck.Step(q).Scenario)
		if sc.Answer != pack.Quiz.SignCategory().ID {
			t.Fatalf("chapter 2's first item %s has no sign vote", sc.ID)
		}
		_ = r.Show(deck.Step(q))
		d := newSessionDriver(t, r, deck, size[0], size[1])
		d.typeText(r.Code())
		d.keys("enter", "enter")
		d.keys("1")
		r.Reveal(sc.ID)
		d.send(RoomChangedMsg{})
		visible := func(when string) {
			t.Helper()
			d.mustSee("Which of the warning signs does it show?", "vote with 1–9 and 0")
			for i, sg := range pack.Quiz.Signs {
				d.mustSee(optionKey(i) + " " + sg.Label)
			}
			if size[0] >= 80 {
				d.mustSee(flat(sc.Text))
			}
			if s := strings.Split(d.screen(), "\n"); strings.Contains(s[len(s)-1], "↑/↓") {
				t.Fatalf("%s, %s: the status line offers ↑/↓ to scroll, which choose a sign:\n%s", at, when, d.screen())
			}
		}
		visible("the sign vote opened")
		d.keys("down", "down", "down")
		d.mustSee("› 3 " + pack.Quiz.Signs[2].Label)
		visible("after ↓ ↓ ↓")
		d.keys("up")
		d.mustSee("› 2 " + pack.Quiz.Signs[1].Label)
		visible("after ↑")
		d.w, d.h = 100, 40 // a resize on the way: the vote stays whole at the end
		d.send(tea.WindowSizeMsg{Width: 100, Height: 40})
		d.w, d.h = size[0], size[1]
		d.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		visible("after a resize")
		d.keys("enter")
		if iv, _ := d.joined.Item(sc.ID); iv.Sign.Mine != pack.Quiz.Signs[1].ID {
			t.Fatalf("%s: ↑/↓ and enter voted %q", at, iv.Sign.Mine)
		}
		r.Close()
	}
}

package tui

import (
	"bytes"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// A whole session through the real Bubble Tea runtime: open chapter 2,
// scroll, search, go back, quit.
func TestFlowOpenScrollSearchBackQuit(t *testing.T) {
	m := New(testPack(t), Options{Theme: ThemeDark})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30))
	wait := func(s string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(s)) },
			teatest.WithDuration(5*time.Second))
	}
	wait("Ten warning signs")
	tm.Send(keyPress("j"))
	tm.Send(keyPress("enter"))
	wait("From this basic tension")
	tm.Send(keyPress("space"))
	wait("Accountability")
	tm.Type("/")
	tm.Type("Oyakawa")
	wait("1 of 3")
	tm.Send(keyPress("enter"))
	tm.Send(keyPress("q"))
	wait("Continue")
	tm.Send(keyPress("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	if final.screen != screenHome {
		t.Fatalf("ended on screen %d; want home", final.screen)
	}
	if pos := final.c.progress.Position; pos.Chapter != 6 {
		t.Fatalf("the search for Oyakawa should have left the reader in chapter 6, position %+v", pos)
	}
	_ = tea.Quit
}

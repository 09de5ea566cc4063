package tui

import (
	"math/rand/v2"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// Any sequence of keys and terminal sizes, however odd, never panics, and
// every frame fits the terminal: no line wider, no more lines than its height.
func TestEveryFrameFits(t *testing.T) {
	walkFrames(t, Options{}, readerKeys, 4)
}

// The presenter's screens too: steps, the timer, votes, reveals, popups.
func TestEveryPresenterFrameFits(t *testing.T) {
	walkFrames(t, Options{Present: true, Chapter: 1, PresentItems: 4, PresentSeed: 1}, presenterKeys, 2)
}

// readerKeys reach home, the reader, search, popups, notes and the quiz.
var readerKeys = []string{"j", "k", "space", "b", "g", "G", "}", "{", "]", "[", "right", "left", "/", "n", "N",
	"esc", "q", "enter", "?", "t", "d", "u", "pgdown", "pgup", "home", "end", "backspace", "x", "o", "s",
	"tab", "tab", "shift+tab", "enter", "i", "e", "ctrl+s", "z", "1", "2", "0", "o", "r", "enter", "p", "m", "h", "l"}

var presenterKeys = []string{"space", "space", "space", "right", "left", "backspace", "]", "[", "c", "3", "enter", "esc",
	"1", "2", "0", "u", "r", "t", "+", "-", "T", "tab", "shift+tab", "enter", "i", "?", "j", "k", "pgdown"}

func walkFrames(t *testing.T, opts Options, keys []string, seeds uint64) {
	t.Helper()
	sizes := [][2]int{{0, 0}, {1, 1}, {10, 3}, {20, 5}, {40, 12}, {80, 24}, {120, 40}, {160, 45}, {200, 60}, {300, 100}, {33, 7}}
	steps := 800
	if raceEnabled {
		steps = 250
	}
	for seed := range seeds {
		rng := rand.New(rand.NewPCG(seed, 42))
		hs := newHarness(t, 80, 24, opts)
		w, h := 80, 24
		for step := range steps {
			if rng.IntN(8) == 0 {
				s := sizes[rng.IntN(len(sizes))]
				w, h = s[0], s[1]
				hs.send(tea.WindowSizeMsg{Width: w, Height: h})
			} else if rng.IntN(12) == 0 {
				hs.send(tea.MouseWheelMsg{Button: []tea.MouseButton{tea.MouseWheelUp, tea.MouseWheelDown}[rng.IntN(2)]})
			} else if rng.IntN(10) == 0 && hs.m.screen == screenPresent {
				hs.send(timerTickMsg{gen: hs.m.present.timer.gen})
			} else {
				k := keys[rng.IntN(len(keys))]
				if (k == "q" || k == "esc") && (hs.m.screen == screenHome || hs.m.screen == screenPresent) && len(hs.m.overlays) == 0 {
					continue // quitting would end the walk
				}
				hs.keys(k)
			}
			frame := hs.m.View().Content
			if t.Failed() {
				return
			}
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Fatalf("seed %d step %d: panic %v", seed, step, r)
					}
				}()
				checkFits(t, frame, w, h)
			}()
		}
	}
}

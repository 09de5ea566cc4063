package tui

import (
	"math/rand/v2"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// Any sequence of keys and terminal sizes, however odd, never panics, and
// every frame fits the terminal: no line wider, no more lines than its height.
func TestEveryFrameFits(t *testing.T) {
	sizes := [][2]int{{0, 0}, {1, 1}, {10, 3}, {20, 5}, {40, 12}, {80, 24}, {120, 40}, {200, 60}, {300, 100}, {33, 7}}
	keys := []string{"j", "k", "space", "b", "g", "G", "}", "{", "]", "[", "right", "left", "/", "n", "N",
		"esc", "q", "enter", "?", "t", "d", "u", "pgdown", "pgup", "home", "end", "backspace", "x", "o", "s",
		"tab", "tab", "shift+tab", "enter", "i", "e", "ctrl+s", "z", "1", "2", "0", "o", "r", "enter"}
	const seeds, steps = 4, 800
	for seed := range uint64(seeds) {
		rng := rand.New(rand.NewPCG(seed, 42))
		hs := newHarness(t, 80, 24, Options{})
		w, h := 80, 24
		for step := range steps {
			if rng.IntN(8) == 0 {
				s := sizes[rng.IntN(len(sizes))]
				w, h = s[0], s[1]
				hs.send(tea.WindowSizeMsg{Width: w, Height: h})
			} else if rng.IntN(12) == 0 {
				hs.send(tea.MouseWheelMsg{Button: []tea.MouseButton{tea.MouseWheelUp, tea.MouseWheelDown}[rng.IntN(2)]})
			} else {
				k := keys[rng.IntN(len(keys))]
				if k == "q" && hs.m.screen == screenHome {
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

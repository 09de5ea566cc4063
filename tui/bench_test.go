package tui

import (
	"fmt"
	"io"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"studyguide/quiz"
)

// Targets (issue 2): a scroll key's Update+View under 1 ms at 120x40;
// re-wrapping the visible chapter on resize under 20 ms; printing the whole
// essay no slower than glow (about 60 ms wall, process start included).

func BenchmarkRenderChapter(b *testing.B) {
	pack := testPack(b)
	st := NewStyles(true, false)
	cfg := renderStyle{glamour: st.Glamour, term: st.Term, glossary: pack.Glossary}
	for ci, ch := range pack.Chapters {
		b.Run(fmt.Sprintf("ch%d_%dwords", ch.Number, ch.Words()), func(b *testing.B) {
			for b.Loop() {
				if _, err := renderChapter(ch, renderKey{chapter: ci, width: 80, style: "dark"}, cfg); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkScrollKey is one j or k press in the reader at 120x40: Update
// and the View that follows.
func BenchmarkScrollKey(b *testing.B) {
	hs := newHarness(b, 120, 40, Options{Chapter: 6})
	hs.keys("space")
	down, up := keyPress("j"), keyPress("k")
	i := 0
	for b.Loop() {
		k := down
		if i%2 == 1 {
			k = up
		}
		i++
		m, _ := hs.m.Update(k)
		hs.m = m.(Model)
		_ = hs.m.View()
	}
}

// BenchmarkSearchKey is one typed character of an incremental search.
func BenchmarkSearchKey(b *testing.B) {
	hs := newHarness(b, 120, 40, Options{Chapter: 1})
	hs.keys("/").typeText("organizatio")
	for b.Loop() {
		hs.keys("n", "backspace")
		_ = hs.m.View()
	}
}

// BenchmarkResizeRewrap is a resize that re-wraps the longest chapter at a
// width never seen before: the new rendering, keeping the place, and the
// next frame.
func BenchmarkResizeRewrap(b *testing.B) {
	hs := newHarness(b, 120, 40, Options{Chapter: 6})
	hs.keys("space", "space")
	widths := []int{70, 71}
	i := 0
	for b.Loop() {
		*hs.m.c.renders = *newRenderCache()
		hs.send(tea.WindowSizeMsg{Width: widths[i%2], Height: 40})
		i++
		_ = hs.m.View()
	}
}

// BenchmarkFirstFrame is the in-process part of start-up: the model, the
// first chapter rendered, the first frame drawn.
func BenchmarkFirstFrame(b *testing.B) {
	pack := testPack(b)
	for b.Loop() {
		hs := &harness{t: b, m: New(pack, Options{Theme: ThemeDark, Chapter: 1})}
		hs.m.c.renders.calm = time.Time{} // the prefetch at once, as before it waited for the first frame
		hs.m.c.tick = func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
		hs.send(tea.WindowSizeMsg{Width: 100, Height: 30})
		_ = hs.m.View()
	}
}

func BenchmarkPrintEssay(b *testing.B) {
	pack := testPack(b)
	for _, styled := range []bool{true, false} {
		b.Run(fmt.Sprintf("styled=%v", styled), func(b *testing.B) {
			for b.Loop() {
				if err := Print(io.Discard, pack, nil, PrintOptions{Width: 80, Styled: styled, IsDark: true}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkTermFocus is one Tab (or Shift-Tab) moving the glossary focus in
// the reader at 120x40: Update and the View that follows.
func BenchmarkTermFocus(b *testing.B) {
	hs := newHarness(b, 120, 40, Options{Chapter: 6})
	hs.keys("tab", "tab")
	next, prev := keyPress("tab"), keyPress("shift+tab")
	i := 0
	for b.Loop() {
		k := next
		if i%2 == 1 {
			k = prev
		}
		i++
		m, _ := hs.m.Update(k)
		hs.m = m.(Model)
		_ = hs.m.View()
	}
}

// BenchmarkPopupOpenClose is Enter on a focused term, the popup frame, then
// Esc and the page again.
func BenchmarkPopupOpenClose(b *testing.B) {
	hs := newHarness(b, 120, 40, Options{Chapter: 6})
	hs.keys("tab")
	for b.Loop() {
		hs.keys("enter")
		_ = hs.m.View()
		hs.keys("esc")
		_ = hs.m.View()
	}
}

// BenchmarkQuizAnswer is answering an item and moving on at 120x40: the
// feedback frame and the next question's frame.
func BenchmarkQuizAnswer(b *testing.B) {
	qo := quiz.Options{Seed: 1}
	hs := newHarness(b, 120, 40, Options{Quiz: &qo})
	for b.Loop() {
		if hs.m.quiz.summary {
			b.StopTimer()
			hs = newHarness(b, 120, 40, Options{Quiz: &qo})
			b.StartTimer()
		}
		hs.keys("2")
		_ = hs.m.View()
		if hs.m.quiz.s.Step() == quiz.AwaitSign {
			hs.keys("1")
			_ = hs.m.View()
		}
		hs.keys("enter")
		_ = hs.m.View()
	}
}

// BenchmarkPresenterStep is one step forward in the presenter at 160x45,
// with the timer shown in big digits.
func BenchmarkPresenterStep(b *testing.B) {
	hs := newHarness(b, 160, 45, Options{Present: true, Chapter: 1, PresentItems: 4, PresentSeed: 1})
	hs.keys("t")
	for b.Loop() {
		if hs.m.present.at == len(hs.m.present.deck)-1 {
			hs.m.present.goTo(0)
		}
		hs.keys("right")
		_ = hs.m.View()
	}
}

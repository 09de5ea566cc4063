package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// startReader is the reader at chapter 1 just after the terminal gave its
// size, with the messages its commands would send, not yet delivered.
func startReader(t *testing.T) (Model, []tea.Msg) {
	t.Helper()
	m := New(testPack(t), Options{Theme: ThemeDark, Chapter: 1})
	m.c.renders.calm = time.Time{}
	m.c.tick = func(_ time.Duration, f func(time.Time) tea.Msg) tea.Cmd {
		return func() tea.Msg { return f(time.Now()) }
	}
	next, cmd := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	var msgs []tea.Msg
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := c()
		if batch, ok := msg.(tea.BatchMsg); ok {
			queue = append(queue, batch...)
		} else {
			msgs = append(msgs, msg)
		}
	}
	return next.(Model), msgs
}

func deliver[T any](t *testing.T, m Model, msgs []tea.Msg) Model {
	t.Helper()
	for _, msg := range msgs {
		if _, ok := msg.(T); ok {
			next, _ := m.Update(msg)
			return next.(Model)
		}
	}
	t.Fatalf("no %T among the reader's commands", *new(T))
	return m
}

// TestReaderFirstFrameIsTheWholeScreen: until the chapter's text is
// rendered the reader draws nothing, never its bars around an empty page;
// then the whole first screen at once.
func TestReaderFirstFrameIsTheWholeScreen(t *testing.T) {
	m, msgs := startReader(t)
	if s := ansi.Strip(m.View().Content); strings.TrimSpace(s) != "" {
		t.Fatalf("before the text is rendered the reader draws:\n%s", s)
	}
	m = deliver[renderedMsg](t, m, msgs)
	s := ansi.Strip(m.View().Content)
	for _, want := range []string{"1/8", "When socialists gathered", "q/esc chapters"} {
		if !strings.Contains(s, want) {
			t.Fatalf("the first frame lacks %q:\n%s", want, s)
		}
	}
}

// TestReaderSaysWhenRenderingIsSlow: a rendering that takes longer than
// renderSlowDelay is announced, with the chapter's title.
func TestReaderSaysWhenRenderingIsSlow(t *testing.T) {
	m, msgs := startReader(t)
	m = deliver[renderSlowMsg](t, m, msgs)
	s := ansi.Strip(m.View().Content)
	if !strings.Contains(s, "Rendering…") || !strings.Contains(s, "1/8") {
		t.Fatalf("a slow rendering should be announced:\n%s", s)
	}
}

// TestPrepareRendersTheFirstScreenAhead: a rendering started before the
// program (Prepare, at the terminal's width) is the one the reader shows
// when the terminal gives its size; none is made twice.
func TestPrepareRendersTheFirstScreenAhead(t *testing.T) {
	m := New(testPack(t), Options{Theme: ThemeDark, Chapter: 1})
	m.c.tick = func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
	m.Prepare(100)
	if len(m.c.renders.early) != 1 {
		t.Fatalf("Prepare started %d renderings, want 1", len(m.c.renders.early))
	}
	next, cmd := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m = next.(Model)
	if len(m.c.renders.early) != 0 {
		t.Fatal("the reader did not take the rendering Prepare started")
	}
	msg := cmd()
	if batch, ok := msg.(tea.BatchMsg); ok {
		for _, c := range batch {
			if c != nil {
				if r, ok := c().(renderedMsg); ok {
					msg = r
				}
			}
		}
	}
	next, _ = m.Update(msg)
	m = next.(Model)
	if s := ansi.Strip(m.View().Content); !strings.Contains(s, "When socialists gathered") {
		t.Fatalf("the prepared first screen lacks the text:\n%s", s)
	}
}

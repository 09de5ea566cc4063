package tui

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"

	"studyguide/meeting"
	"studyguide/quiz"
)

// What a walk reached: the screens, stages and popups it stood on, with how
// often. A walk that never reaches a stage checks nothing there, so each
// walk names the places it must reach (see walkMust), and TestWalk fails
// when one of them was missed.
type reach map[string]int

// note records where the model stands.
func (r reach) note(m Model) {
	for i, o := range m.overlays {
		name := "popup " + strings.TrimPrefix(fmt.Sprintf("%T", o), "*tui.")
		if i > 0 {
			name += " over " + strings.TrimPrefix(fmt.Sprintf("%T", m.overlays[i-1]), "*tui.")
		}
		r[name]++
		if ix, ok := o.(*indexOverlay); ok && ix.entry != nil { // an entry opened from the index
			r["popup termOverlay over indexOverlay"]++
		}
	}
	switch m.screen {
	case screenReader:
		s := m.reader.search
		if len(s.hits) > 0 && s.cur >= 0 && !s.typing {
			r["reader: on a search match"]++
			if s.cur > 0 {
				r["reader: on a later search match"]++
			}
		}
	case screenQuiz:
		if m.quiz.summary {
			r["quiz: summary"]++
		} else if m.quiz.s != nil {
			r[[...]string{quiz.AwaitAnswer: "quiz: asked", quiz.AwaitSign: "quiz: sign asked",
				quiz.Answered: "quiz: answered", quiz.Finished: "quiz: finished"}[m.quiz.s.Step()]]++
		}
	case screenPresent:
		r["presenter: "+presenterStage(*m.present)]++
	}
}

// presenterStage names the presenter's step and, on a quiz step, how far
// the room's vote has come.
func presenterStage(p presentModel) string {
	s := p.step()
	switch s.Kind {
	case meeting.Title:
		return "title card"
	case meeting.Idea:
		return "key idea"
	case meeting.Passage:
		return "passage"
	case meeting.Question:
		return "question"
	case meeting.Summary:
		return "the room's summary"
	}
	v := p.vote()
	switch {
	case !v.revealed && sum(v.cats)+sum(v.signs) == 0:
		return "vote, no hands"
	case !v.revealed:
		return "vote, hands counted"
	case v.explained:
		return "vote, explained"
	case v.signRevealed:
		return "vote, sign revealed"
	case sum(v.signs) > 0:
		return "vote, sign hands counted"
	}
	return "vote, category revealed"
}

// walkMust are the places each walk must reach.
var walkMust = map[string][]string{
	"presenter": {
		"presenter: title card", "presenter: key idea", "presenter: passage", "presenter: question",
		"presenter: vote, no hands", "presenter: vote, hands counted", "presenter: vote, category revealed",
		"presenter: vote, sign hands counted", "presenter: vote, sign revealed", "presenter: vote, explained",
		"presenter: the room's summary", "popup chapterPicker", "popup helpOverlay",
	},
	"reader": {
		"reader: on a search match", "reader: on a later search match", "popup indexOverlay",
		"popup termOverlay over indexOverlay", "popup notesOverlay", "popup termOverlay", "popup helpOverlay",
	},
	"quiz": {"quiz: asked", "quiz: sign asked", "quiz: answered", "quiz: summary"},
}

// checkReach fails a walk that missed one of its places.
func checkReach(t *testing.T, name string, r reach) {
	t.Helper()
	var missed []string
	for _, want := range walkMust[name] {
		if r[want] == 0 {
			missed = append(missed, want)
		}
	}
	if len(missed) > 0 {
		var got []string
		for k, n := range r {
			got = append(got, fmt.Sprintf("%s ×%d", k, n))
		}
		sort.Strings(got)
		t.Errorf("the %s walk never reached %s; it reached:\n  %s", name, strings.Join(missed, ", "), strings.Join(got, "\n  "))
	}
}

// The reach check can fail: a walk that stood only on the title card
// misses the quiz stages.
func TestReachCheckCanFail(t *testing.T) {
	r := reach{}
	r.note(presenter(t, 80, 24, 1).m)
	var missed []string
	for _, want := range walkMust["presenter"] {
		if r[want] == 0 {
			missed = append(missed, want)
		}
	}
	if !slices.Contains(missed, "presenter: vote, sign revealed") || slices.Contains(missed, "presenter: title card") {
		t.Fatalf("a walk on the title card alone: reached %v, missed %v", r, missed)
	}
}

// inAFlow says the model is in the middle of something that takes several
// keys in a row: a word typed into the search, a room's vote. The walk then
// presses awareKey's keys more often, so it gets through.
func inAFlow(m Model) bool {
	switch {
	case len(m.overlays) > 0:
		return false
	case m.screen == screenReader:
		return m.reader.search.typing
	case m.screen == screenPresent:
		return m.present.step().Kind == meeting.Quiz
	}
	return false
}

// searchWords are what a walk types into the search: words the essay has.
var searchWords = []string{"staff", "ngo", "members", "isomorphism"}

// awareKey is a key that moves on from where the model stands, "" when
// there is nothing particular to press: out of a popup or deeper into it,
// a word into the search and then through its matches, hands and reveals
// on a vote, answers in the quiz. Without it a random walk spends most of
// its steps typing into the glossary index's filter.
func awareKey(m Model, r *rand.Rand) string {
	pick := func(ks ...string) string { return ks[r.IntN(len(ks))] }
	switch o := m.top().(type) {
	case nil:
	case *indexOverlay:
		if o.entry != nil {
			return pick("esc", "tab", "enter", "down", "backspace")
		}
		return pick("esc", "esc", "esc", "enter", "down", "up", "s")
	case *termOverlay:
		return pick("esc", "tab", "enter", "down")
	case *notesOverlay:
		return pick("esc", "w", "o", "r", "d", "space", "ctrl+s", "enter")
	case *confirmOverlay:
		return pick("n", "esc", "y")
	default:
		_ = o
		return pick("esc", "enter", "down", "up")
	}
	switch m.screen {
	case screenHome:
		return pick("enter", "down", "z", "i", "m", "p")
	case screenReader:
		s := m.reader.search
		if s.typing {
			v := s.input.Value()
			for _, w := range searchWords {
				if v == w {
					return "enter"
				}
			}
			var next []string
			for _, w := range searchWords {
				if strings.HasPrefix(w, v) {
					next = append(next, string(w[len(v)]))
				}
			}
			if len(next) == 0 {
				return "backspace"
			}
			return pick(next...)
		}
		if len(s.hits) > 0 {
			return pick("n", "n", "n", "N", "esc")
		}
		if m.reader.focus >= 0 {
			return pick("enter", "enter", "tab", "shift+tab")
		}
		return pick("/", "/", "tab", "tab", "enter", "e", "i", "?", "]")
	case screenQuiz:
		switch {
		case m.quiz.summary:
			return pick("enter", "q", "r")
		case m.quiz.s != nil && m.quiz.s.Step() == quiz.AwaitAnswer:
			return pick("1", "2")
		case m.quiz.s != nil && m.quiz.s.Step() == quiz.AwaitSign:
			return pick("1", "2", "3", "4", "5", "6", "7", "8", "9", "0")
		}
		return pick("enter", "space", "o", "q")
	case screenPresent:
		if st := m.present.step(); st.Kind == meeting.Quiz {
			v := m.present.vote()
			switch {
			case !v.revealed && sum(v.cats)+sum(v.signs) == 0:
				return pick("1", "2", "1", "u")
			case !v.revealed: // q too: ending now must ask first
				return pick("1", "2", "r", "r", "u", "q")
			case m.present.asksSign(st.Scenario) && !v.signRevealed && sum(v.signs) == 0:
				return pick("1", "3", "7", "0", "r")
			case m.present.asksSign(st.Scenario) && !v.signRevealed:
				return pick("3", "r", "r", "u")
			}
			return pick("space", "r", "left", "?")
		}
		return pick("space", "space", "left", "c", "tab", "enter", "t", "?")
	}
	return ""
}

// Every key the walks press is a key: named keys are not typed as text.
func TestWalkKeysAreKeys(t *testing.T) {
	for _, k := range walkKeys {
		kp := keyPress(k)
		if kp.String() != k || len(k) > 1 && kp.Text != "" && k != "space" {
			t.Errorf("keyPress(%q) is %q, text %q: a named key sent as typed text", k, kp.String(), kp.Text)
		}
	}
}

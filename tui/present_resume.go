package tui

import (
	"time"

	"studyguide/progress"
)

// With --profile the presentation is kept: the step, the room's hands on
// every item and how far each was revealed, and the timer (paused), so the
// next meeting starts exactly where this one stopped. Without a profile
// nothing is written.

var stepKindNames = map[stepKind]string{stepTitle: "title", stepIdea: "idea", stepPassage: "passage",
	stepQuestion: "question", stepQuiz: "quiz", stepRoom: "room"}

// record keeps where the presentation stands in the profile's progress.
func (m presentModel) record() {
	if m.c.store == nil || len(m.deck) == 0 {
		return
	}
	s := m.step()
	p := progress.Presentation{Step: m.at, Chapter: s.chapter.Number, Kind: stepKindNames[s.kind],
		Items: m.perChapter, Seed: m.seed, Votes: map[string]progress.RoomVote{},
		Timer: progress.Timer{Set: int(m.timer.set / time.Second), Left: int((m.timer.left + time.Second - 1) / time.Second), Shown: m.timer.shown}}
	for id, v := range m.votes {
		if v.counted() || v.revealed {
			p.Votes[id] = progress.RoomVote{Categories: append([]int(nil), v.cats...), Signs: append([]int(nil), v.signs...),
				Revealed: v.revealed, SignRevealed: v.signRevealed, Explained: v.explained}
		}
	}
	m.c.progress.SetPresentation(p)
}

// restore takes up a kept presentation: the room's votes and the timer
// always, the step too when atStep (no chapter was asked for). What the pack
// no longer has is left out; a step in a deck built differently falls back
// to its chapter's title card.
func (m *presentModel) restore(p *progress.Presentation, atStep bool) {
	if p == nil {
		return
	}
	bank := m.c.pack.Quiz
	for id, v := range p.Votes {
		if bank == nil {
			break
		}
		if _, ok := bank.Scenario(id); !ok || len(v.Categories) != len(bank.Categories) ||
			len(v.Signs) != 0 && len(v.Signs) != len(bank.Signs) || negative(v.Categories) || negative(v.Signs) {
			continue
		}
		signs := v.Signs
		if len(signs) == 0 {
			signs = make([]int, len(bank.Signs))
		}
		m.votes[id] = &roomVote{cats: append([]int(nil), v.Categories...), signs: append([]int(nil), signs...),
			revealed: v.Revealed, signRevealed: v.SignRevealed && v.Revealed, explained: v.Explained && v.Revealed}
	}
	if t := p.Timer; t.Set > 0 {
		m.timer.set = max(timerStep, min(maxTimer, time.Duration(t.Set)*time.Second))
		m.timer.left = max(0, min(maxTimer, time.Duration(t.Left)*time.Second))
		m.timer.shown = t.Shown
	}
	if atStep {
		switch {
		case p.Step >= 0 && p.Step < len(m.deck) && m.deck[p.Step].chapter.Number == p.Chapter && stepKindNames[m.deck[p.Step].kind] == p.Kind:
			m.at = p.Step
		case p.Chapter >= 1 && p.Chapter <= len(m.c.pack.Chapters):
			m.at = m.chapterStart(p.Chapter)
		}
	}
	m.layout()
}

func negative(xs []int) bool {
	for _, x := range xs {
		if x < 0 {
			return true
		}
	}
	return false
}

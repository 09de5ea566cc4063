package tui

import (
	"time"

	"studyguide/meeting"
	"studyguide/progress"
	"studyguide/room"
)

// With --profile the presentation is kept: the step, the room's hands on
// every item and how far each was revealed, and the timer (paused), so the
// next meeting starts exactly where this one stopped. Without a profile
// nothing is written.

var stepKindNames = map[meeting.Kind]string{meeting.Title: "title", meeting.Idea: "idea", meeting.Passage: "passage",
	meeting.Question: "question", meeting.Quiz: "quiz", meeting.Summary: "room"}

// record keeps where the presentation stands in the profile's progress.
func (m presentModel) record() {
	if m.c.store == nil || len(m.deck) == 0 {
		return
	}
	s := m.step()
	p := progress.Presentation{Step: m.at, Chapter: s.Chapter.Number, Kind: stepKindNames[s.Kind],
		Items: m.perChapter, Seed: m.seed, Votes: map[string]progress.RoomVote{},
		Timer: progress.Timer{Set: int(m.timer.set / time.Second), Left: int((m.timer.left + time.Second - 1) / time.Second), Shown: m.timer.shown}}
	for id, st := range m.room.keep() { // revealed tallies and hands: never a vote not revealed
		if sum(st.Categories) > 0 || sum(st.Signs) > 0 || st.Phase > room.Voting {
			p.Votes[id] = progress.RoomVote{Categories: st.Categories, Signs: st.Signs, Revealed: st.Phase >= room.Revealed,
				SignRevealed: st.Phase == room.SignRevealed, Explained: m.explained[id]}
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
	for id, v := range p.Votes {
		phase := room.Voting
		switch {
		case v.Revealed && v.SignRevealed:
			phase = room.SignRevealed
		case v.Revealed:
			phase = room.Revealed
		}
		signs := v.Signs
		if bank := m.c.pack.Quiz; len(signs) == 0 && bank != nil && len(bank.Signs) > 0 {
			if sc, ok := bank.Scenario(id); ok && sc.Answer == bank.SignCategory().ID {
				signs = make([]int, len(bank.Signs))
			}
		}
		// what the pack no longer has, or does not fit it, is left out
		if m.room.takeUp(id, room.ItemState{Phase: phase, Categories: v.Categories, Signs: signs}) == nil && v.Explained && v.Revealed {
			m.explained[id] = true
		}
	}
	if t := p.Timer; t.Set > 0 {
		m.timer.set = max(timerStep, min(maxTimer, time.Duration(t.Set)*time.Second))
		m.timer.left = max(0, min(maxTimer, time.Duration(t.Left)*time.Second))
		m.timer.shown = t.Shown
	}
	if atStep {
		switch {
		case p.Step >= 0 && p.Step < len(m.deck) && m.deck[p.Step].Chapter.Number == p.Chapter && stepKindNames[m.deck[p.Step].Kind] == p.Kind:
			m.at = p.Step
		case p.Chapter >= 1 && p.Chapter <= len(m.c.pack.Chapters):
			m.at = m.chapterStart(p.Chapter)
		}
	}
	m.layout()
}

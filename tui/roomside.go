package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"studyguide/content"
	"studyguide/meeting"
	"studyguide/room"
)

// The presenter always works through a room (package room), the one place
// votes live, in one of three roles, decided once, when the screen is
// made: a plain presentation's own room with nobody in it (ownRoom), the
// served room the facilitator drives (servedRoom), or a member's seat in
// a served room (memberSeat). presentModel asks its roomSide and never
// asks which role it is.
type roomSide interface {
	// moved tells the room the screen went to step i of the deck.
	moved(md *meeting.Deck, i int)
	// at is the step the room is on, false before it has shown one: a
	// screen joining a meeting under way starts there.
	at() (int, bool)
	// item is this screen's view of a quiz item the room has shown.
	item(id string) (room.ItemView, bool)
	// hand counts a raised hand for option i of the item's open vote,
	// undo takes the last one back (a member counts none).
	hand(bank *content.QuizBank, sc *content.Scenario, i int)
	undo(sc *content.Scenario)
	// reveal reveals the item's next part in the room. decided says the
	// room settled it: it revealed something (done), or this screen
	// reveals nothing; otherwise the presenter shows its own next stage.
	reveal(sc *content.Scenario) (done, decided bool)
	// shareTimer shares the facilitator's timer with members.
	shareTimer(t countdown)
	// quizLines lays out a quiz step: the presenter's stage under the
	// pinned scenario, or a member's own vote.
	quizLines(m *presentModel, s step) []string
	// titleCard lays out a title card around the chapter's lines.
	titleCard(st *Styles, w int, chapter func(w int) []string) []string
	// status is the left of the status line; "" for the presenter's own.
	status(m *presentModel) string
	// atStake says whether ending would lose something, and what.
	atStake(m *presentModel) (bool, string)
	// keep is the room's items as a presentation keeps them (--profile);
	// takeUp restores one.
	keep() map[string]room.ItemState
	takeUp(id string, st room.ItemState) error
	// hidesSplit says the counts of a vote stay hidden until its reveal.
	hidesSplit() bool
	// shared is the deck whose layouts every screen of the room shares,
	// nil for a screen alone.
	shared() *Deck
	// key handles the room's own keys; false for any other.
	key(kp tea.KeyPressMsg) (tea.Cmd, bool)
	// help is the room's keys for the full help.
	help(k RoomKeys) []key.Binding
	// refresh reads the room afresh after RoomChangedMsg.
	refresh()
	// timerHint says a discussion question tells how to start the timer.
	timerHint() bool
}

// ownRoom is a plain presentation's room: nobody in it, the presenter's
// hands counted in the open.
type ownRoom struct{ r *room.Room }

func (o *ownRoom) moved(md *meeting.Deck, i int)        { _ = o.r.Show(md.RoomStep(i)) }
func (o *ownRoom) item(id string) (room.ItemView, bool) { return o.r.Item(id) }

func (o *ownRoom) at() (int, bool) {
	st := o.r.FacilitatorView().Step
	return st.Index, st.Chapter != 0
}
func (o *ownRoom) undo(sc *content.Scenario)           { o.r.UndoHand(sc.ID) }
func (o *ownRoom) shareTimer(countdown)                {}
func (o *ownRoom) status(*presentModel) string         { return "" }
func (o *ownRoom) keep() map[string]room.ItemState     { return o.r.Snapshot() }
func (o *ownRoom) hidesSplit() bool                    { return false }
func (o *ownRoom) shared() *Deck                       { return nil }
func (o *ownRoom) key(tea.KeyPressMsg) (tea.Cmd, bool) { return nil, false }
func (o *ownRoom) help(RoomKeys) []key.Binding         { return nil }
func (o *ownRoom) refresh()                            {}
func (o *ownRoom) timerHint() bool                     { return true }

func (o *ownRoom) takeUp(id string, st room.ItemState) error { return o.r.Restore(id, st) }

func (o *ownRoom) hand(bank *content.QuizBank, sc *content.Scenario, i int) {
	iv, ok := o.r.Item(sc.ID)
	switch {
	case !ok:
	case !iv.Category.Revealed && i < len(bank.Categories):
		_ = o.r.AddHand(sc.ID, bank.Categories[i].ID)
	case iv.Sign.Open && i < len(bank.Signs):
		_ = o.r.AddHand(sc.ID, bank.Signs[i].ID)
	}
}

func (o *ownRoom) reveal(sc *content.Scenario) (done, decided bool) {
	if o.r.Reveal(sc.ID) {
		return true, true
	}
	return false, false
}

func (o *ownRoom) quizLines(m *presentModel, s step) []string {
	m.pinned = m.quizPinned(s)
	return m.quizStage(s)
}

func (o *ownRoom) titleCard(_ *Styles, w int, chapter func(w int) []string) []string {
	return chapter(w)
}

// atStake: hands counted, or a timer running, lost without --profile.
func (o *ownRoom) atStake(m *presentModel) (bool, string) {
	counted := 0
	for _, st := range o.r.Snapshot() {
		if sum(st.Categories) > 0 || sum(st.Signs) > 0 {
			counted++
		}
	}
	if counted == 0 && !m.timer.running {
		return false, ""
	}
	var lost []string
	if counted > 0 {
		lost = append(lost, fmt.Sprintf("the room's votes on %d %s", counted, plural(counted, "scenario", "scenarios")))
	}
	if m.timer.running {
		lost = append(lost, "the running timer")
	}
	what := strings.Join(lost, " and ")
	if m.c.store != nil {
		return true, "The place, " + what + " are kept for next time, under the profile “" + m.c.profile + "”."
	}
	return true, "Without --profile, " + what + " will be lost."
}

// servedRoom is the room the facilitator drives with members in it: the
// screen says how to join and who is here, counts who voted and never the
// split before the reveal, and shares the timer.
type servedRoom struct {
	ownRoom
	c      *common
	deck   *Deck
	info   JoinInfo
	driver bool
	fv     room.FacilitatorView
}

func (s *servedRoom) moved(md *meeting.Deck, i int) {
	s.ownRoom.moved(md, i)
	s.fv = s.r.FacilitatorView()
}

func (s *servedRoom) shareTimer(t countdown)        { s.r.SetTimer(t.shown, t.running, t.left) }
func (s *servedRoom) hidesSplit() bool              { return true }
func (s *servedRoom) shared() *Deck                 { return s.deck }
func (s *servedRoom) refresh()                      { s.fv = s.r.FacilitatorView() }
func (s *servedRoom) help(k RoomKeys) []key.Binding { return []key.Binding{k.Join, k.Who} }

func (s *servedRoom) key(kp tea.KeyPressMsg) (tea.Cmd, bool) {
	k := s.c.keys.Room
	switch {
	case key.Matches(kp, k.Join):
		c, info := s.c, s.info
		return show(func() overlay { return newJoinOverlay(c, info) }), true
	case key.Matches(kp, k.Who):
		title, text := s.whoText()
		c := s.c
		return show(func() overlay { return newMessageOverlay(c, title, text) }), true
	}
	return nil, false
}

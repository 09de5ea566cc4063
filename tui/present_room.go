package tui

import (
	"fmt"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"studyguide/content"
	"studyguide/meeting"
	"studyguide/room"
)

// The presenter always works through a room (package room), the one place
// votes live: a plain presentation's own room with nobody in it, the
// served room the facilitator drives, or, on a member's screen, the
// member's seat in it. presentModel reaches it through a *roomLink, whose
// methods do what each of those does; the drawing of what a served room
// adds is in present_roomview.go.

// RoomOptions serve the presenter to a room.
type RoomOptions struct {
	Room *room.Room
	// Deck is the presentation every screen shares.
	Deck *Deck
	Info JoinInfo
	// Driver says the facilitator drives a headless room over SSH: leaving
	// gives up the driver's seat and the room goes on.
	Driver bool
}

// roomLink is a presenter's way into the room: the facilitator's (r) or
// one member's (me).
type roomLink struct {
	r      *room.Room
	served bool // r is served to members (not a presenter's own room)
	me     *room.Member
	c      *common
	deck   *Deck // a member's: the shared layouts
	info   JoinInfo
	driver bool
	fv     room.FacilitatorView
	mv     room.MemberView
	// A member's choice on the step's open vote: cursor is the option the
	// arrows reached (-1: none, nothing is preselected) on step cursorAt;
	// choiceLine is the body line of the first option.
	cursor, cursorAt, choiceLine int
	// lastPhase is the phase of the member's item last laid out, so a
	// reveal scrolls to the answer once.
	lastPhase room.Phase
	// notice is a short word for a member (a vote refused).
	notice string
	// clockAt is the room's timer a member's screen ticks for.
	clockAt time.Time
	// wordShown says a member's status line shows their seat word: from
	// joining until their first key, so it is not on screen all meeting
	// for anyone beside them to read (? shows it again).
	wordShown bool
}

// facilitator says the link drives a room: a served one, or the plain
// presenter's own (where its hands are counted).
func (l *roomLink) facilitator() bool { return l != nil && l.r != nil }

// servedRoom says the link drives a room members are in: the screen says
// how to join, who is here, how many voted, and never the split.
func (l *roomLink) servedRoom() bool { return l.facilitator() && l.served }
func (l *roomLink) member() bool     { return l != nil && l.me != nil }

// attachRoom puts the presenter in its room: the served one (on the shared
// deck), or, for a plain presentation, a room of its own with nobody in
// it, where its hands are counted: the room is the one place votes live.
// Nothing is shown to the room until showRoom.
func (m *presentModel) attachRoom(o *RoomOptions) {
	if o == nil || o.Room == nil {
		own, err := room.New(room.Config{Pack: m.c.pack})
		if err != nil {
			return // no random source: a presentation without hands
		}
		o = &RoomOptions{Room: own}
		m.room = &roomLink{r: own, c: m.c, cursor: -1}
		return
	}
	m.room = &roomLink{r: o.Room, served: true, c: m.c, info: o.Info, driver: o.Driver, cursor: -1}
	if o.Deck != nil {
		m.md, m.deck = o.Deck.meeting, o.Deck.steps
	}
	m.at = max(0, min(m.at, len(m.deck)-1))
}

// showRoom starts the room on the presenter's step, or the presenter on
// the room's, when a served room has one already (a driver joining a
// meeting under way).
func (m *presentModel) showRoom() {
	if m.room.servedRoom() {
		if fv := m.room.r.FacilitatorView(); fv.Step.Chapter != 0 && fv.Step.Index < len(m.deck) {
			m.at = fv.Step.Index
		}
	}
	m.room.moved(m.md, m.at)
	m.layout()
}

// moved tells the room about a step change: the facilitator shows it to
// the room; a member goes there on their own.
func (l *roomLink) moved(deck *meeting.Deck, i int) {
	switch {
	case l.facilitator():
		_ = l.r.Show(deck.RoomStep(i))
		l.fv = l.r.FacilitatorView()
	case l.member():
		l.me.Goto(deck.RoomStep(i))
		l.mv = l.me.View()
		l.notice = ""
	}
}

// shareTimer tells the room of the facilitator's timer (members' screens
// show it); the room ignores what has not changed.
func (l *roomLink) shareTimer(t countdown) {
	if l.servedRoom() {
		l.r.SetTimer(t.shown, t.running, t.left)
	}
}

// clock is the room's timer as a member's status line shows it: "⏱ 4:32",
// "" when the facilitator has not started one.
func (l *roomLink) clock() string {
	t := l.mv.Timer
	if !t.Shown {
		return ""
	}
	left := t.Remaining(time.Now())
	s := fmt.Sprintf("⏱ %d:%02d", int(left/time.Minute), int(left%time.Minute/time.Second))
	if !t.Running && left > 0 {
		s += " paused"
	}
	return s
}

// item is the viewer's view of a quiz item the room has shown.
func (l *roomLink) item(id string) (room.ItemView, bool) {
	if l.facilitator() {
		return l.r.Item(id)
	}
	return l.me.Item(id)
}

// voteOf is the room's vote on a scenario as the presenter shows it: the
// tallies (members and hands together) once revealed; before, the hands
// alone, counted in the open (a member's view has none). explained is the
// presenter's own last stage, after the room's reveals.
func (l *roomLink) voteOf(bank *content.QuizBank, sc *content.Scenario, explained bool) *roomVote {
	v := &roomVote{cats: make([]int, len(bank.Categories)), signs: make([]int, len(bank.Signs)), explained: explained}
	iv, ok := l.item(sc.ID)
	if !ok {
		return v
	}
	v.revealed, v.signRevealed = iv.Category.Revealed, iv.Sign.Revealed
	fill := func(dst []int, p room.Poll) {
		if p.Revealed {
			for i, c := range p.Tally {
				dst[i] = c.Total()
			}
			return
		}
		copy(dst, p.HandsBy)
	}
	fill(v.cats, iv.Category)
	fill(v.signs, iv.Sign)
	return v
}

// hand adds a raised hand for option i of the item's open vote.
func (l *roomLink) hand(bank *content.QuizBank, sc *content.Scenario, i int) {
	iv, ok := l.item(sc.ID)
	if !l.facilitator() || !ok {
		return
	}
	switch {
	case !iv.Category.Revealed && i < len(bank.Categories):
		_ = l.r.AddHand(sc.ID, bank.Categories[i].ID)
	case iv.Sign.Open && i < len(bank.Signs):
		_ = l.r.AddHand(sc.ID, bank.Signs[i].ID)
	}
}

func (l *roomLink) undo(sc *content.Scenario) {
	if l.facilitator() {
		l.r.UndoHand(sc.ID)
	}
}

// reveal locks and reveals the item's open vote in the room. decided says
// the room settled it: it revealed something (done), or this is a
// member's screen, where nothing is revealed; otherwise the presenter
// goes on to its own next stage.
func (l *roomLink) reveal(sc *content.Scenario) (done, decided bool) {
	switch {
	case l.facilitator() && l.r.Reveal(sc.ID):
		return true, true
	case l.member():
		return false, true
	}
	return false, false
}

// roomTally is the presenter's tally of a vote: bars once revealed; in a
// room before that only the options and how many have voted, never the
// split.
func (m presentModel) roomTally(labels []string, counts []int, right map[int]bool, w int, pending bool) []string {
	if !m.room.servedRoom() || !pending {
		return m.tallyLines(labels, counts, right, w)
	}
	st := m.c.styles
	var out []string
	for i, l := range labels {
		out = append(out, st.Item.Render(truncate(fmt.Sprintf("  %s %s", optionKey(i), l), w)))
	}
	return append(out, "", m.roomVoted(w))
}

// roomVoted is how many have voted on the vote open now ("3 of 5 voted · 2
// hands"), never how.
func (m presentModel) roomVoted(w int) string {
	iv, _ := m.room.item(m.step().scenario.ID)
	p := iv.Category
	if iv.Category.Revealed {
		p = iv.Sign
	}
	said := fmt.Sprintf("%d of %d voted", p.Voted, p.Of)
	if p.Hands > 0 {
		said += fmt.Sprintf(" · %d %s", p.Hands, plural(p.Hands, "hand", "hands"))
	}
	return m.c.styles.Heading.Render(truncate(said, w))
}

// roomKey handles the facilitator's room keys; false for any other key.
func (m presentModel) roomKey(kp tea.KeyPressMsg) (presentModel, tea.Cmd, bool) {
	if !m.room.servedRoom() {
		return m, nil, false
	}
	k := m.c.keys.Room
	switch {
	case key.Matches(kp, k.Join):
		info := m.room.info
		return m, func() tea.Msg { return joinCardMsg{info} }, true
	case key.Matches(kp, k.Who):
		title, text := m.room.whoText()
		return m, func() tea.Msg { return roomOverlayMsg{title, text} }, true
	}
	return m, nil, false
}

// roomOverlayMsg asks the root to show a message about the room.
type roomOverlayMsg struct{ title, text string }

// joinCardMsg asks the root to show how to join, on the whole screen.
type joinCardMsg struct{ info JoinInfo }

// roomMsg handles the room's messages in the facilitator's program.
func (m Model) roomMsg(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case RoomChangedMsg:
		if l := m.present.room; l.facilitator() {
			l.fv = l.r.FacilitatorView()
			m.present.layout()
		}
	case roomOverlayMsg:
		m.overlays = append(m.overlays, newMessageOverlay(m.c, msg.title, msg.text))
	case joinCardMsg:
		m.overlays = append(m.overlays, newJoinOverlay(m.c, msg.info))
	}
	return m, nil
}

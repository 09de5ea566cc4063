package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"studyguide/content"
	"studyguide/meeting"
	"studyguide/room"
)

// A member's view of the room is the presenter at the member's own size
// and theme, showing the room's step while the member follows it, or a
// step of their own while they read ahead or back. The glossary works for
// the member alone; the vote on a quiz step is theirs; nothing they do
// reaches anyone else's screen but their vote, counted anonymously.

// memberScreen is a member's screen: the presenter's drawing of a step,
// on the member's seat, with the member's own keys and popups. It is a
// page of the member's program (NewSession), which routes to it once the
// member has a seat.
type memberScreen struct {
	c    *common
	p    presentModel
	seat *memberSeat
	// overlays are drawn over the step, last on top.
	overlays []overlay
}

// newMemberScreen is a member's screen on the room's shared deck, at the
// step the member's view names.
func newMemberScreen(c *common, deck *Deck, me *room.Member) *memberScreen {
	p := presentModel{c: c, keys: c.keys.Present, md: deck.meeting, deck: deck.meeting.Steps(), explained: map[string]bool{},
		focus: -1, timer: countdown{set: defaultTimer, left: defaultTimer}}
	seat := &memberSeat{me: me, c: c, mv: me.View(), cursor: -1, cursorAt: -1, deck: deck, wordShown: true}
	p.room = seat
	at, _ := seat.at()
	p.at = max(0, min(len(p.deck)-1, at))
	if it := seat.mv.Item; it != nil {
		seat.lastPhase = it.Phase
	}
	p.layout()
	return &memberScreen{c: c, p: p, seat: seat}
}

// changed reads the member's fresh view: the room's step while following,
// the vote's phase, or the end of the connection.
func (s *memberScreen) changed() tea.Cmd {
	l := s.seat
	v := l.me.View()
	l.mv = v
	if v.Exit != room.Staying {
		s.overlays = nil
		return tea.Quit // the wiring prints MemberFarewell
	}
	if v.Following && v.Step.Index != s.p.at && v.Step.Index < len(s.p.deck) {
		s.p.at, s.p.focus, s.p.body.offset = v.Step.Index, -1, 0
	}
	moved := v.Item != nil && v.Item.Phase != l.lastPhase && v.Step.Index == s.p.at
	if moved {
		l.lastPhase, l.cursor = v.Item.Phase, -1
	}
	s.p.sharedLayout() // once: a reveal reaches a hundred members at once
	if moved {
		s.p.body.offset = max(0, s.p.revealAt-1) // the reveal, at the top
		s.p.body.clamp()
	}
	if v.Timer.At.Equal(l.clockAt) {
		return nil // its ticks already run
	}
	l.clockAt = v.Timer.At
	return clockTick(v.Timer)
}

// clockMsg redraws a member's screen as the room's timer runs (gen drops a
// tick of a timer since changed).
type clockMsg struct{ gen time.Time }

// clockTick is the next second of the room's running timer on a member's
// screen, nil when it is not running.
func clockTick(t room.Timer) tea.Cmd {
	if !t.Running || t.Remaining(time.Now()) <= 0 {
		return nil
	}
	at := t.At
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return clockMsg{gen: at} })
}

// update handles the room's changes, a member's keys and what their
// overlays ask.
func (s *memberScreen) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case RoomChangedMsg:
		return s.changed()
	case openTermMsg:
		s.overlays = append(s.overlays, newTermOverlay(s.c, msg.term))
		return nil
	case clockMsg: // a second of the room's timer: the status line counts it
		if t := s.seat.mv.Timer; t.At.Equal(msg.gen) {
			return clockTick(t)
		}
		return nil
	case tea.KeyPressMsg:
		if n := len(s.overlays); n > 0 {
			cmd, act := s.overlays[n-1].update(msg)
			return s.act(act, cmd)
		}
		return s.key(msg)
	case tea.MouseWheelMsg:
		if len(s.overlays) == 0 {
			var cmd tea.Cmd
			s.p, cmd = s.p.Update(msg)
			return cmd
		}
	}
	if n := len(s.overlays); n > 0 {
		cmd, act := s.overlays[n-1].update(msg)
		return s.act(act, cmd)
	}
	return nil
}

// act carries out what a member's overlay asked for.
func (s *memberScreen) act(a action, cmd tea.Cmd) tea.Cmd {
	switch a := a.(type) {
	case closeAction:
		s.overlays = s.overlays[:len(s.overlays)-1]
	case jumpAction: // a member has no reader: the entry closes, the step stays
		s.overlays = nil
	case openTermAction:
		s.overlays = append(s.overlays, newTermOverlay(s.c, a.term))
	case quitAction:
		s.overlays = nil
		s.seat.me.Leave()
		return tea.Batch(cmd, tea.Quit)
	}
	return cmd
}

// key handles a key on a member's screen.
func (s *memberScreen) key(kp tea.KeyPressMsg) tea.Cmd {
	c := s.c
	k, pk, l := c.keys.Room, c.keys.Present, s.seat
	l.wordShown = false // the seat word shows until the member's first key (then in ?)
	switch {
	case key.Matches(kp, k.Leave):
		s.overlays = append(s.overlays, newConfirmOverlay(c, "Leave the room?",
			"Your seat and your votes are kept: join again with the same key, or type your seat word "+l.me.SeatWord()+
				" where the name goes, to get them back.", quitAction{}))
	case key.Matches(kp, k.Help):
		help := newHelpOverlay(c, s.help())
		help.note = "Your seat word is " + l.me.SeatWord() + ": after a drop, or on another terminal, type it where the name goes " +
			"to take your seat and your votes back. Keep it to yourself."
		help.layout(c.width, c.height)
		s.overlays = append(s.overlays, help)
	case key.Matches(kp, c.keys.Glossary) && c.pack.Glossary != nil:
		s.overlays = append(s.overlays, newIndexOverlay(c))
	case key.Matches(kp, k.Misses):
		s.overlays = append(s.overlays, newMessageOverlay(c, "Where you differed from the essay",
			missesText(c.pack, l.me.Misses(), contentWidth(min(c.popupWidth(), c.width)))))
	case key.Matches(kp, c.keys.Theme):
		c.toggled = true
		c.setDark(!c.styles.IsDark)
		s.p.layout()
	case key.Matches(kp, k.Follow):
		l.me.Follow()
		l.notice = ""
		return s.changed()
	case s.p.memberVoteKey(l, kp):
	case key.Matches(kp, k.Ahead):
		s.p.goTo(s.p.at + 1)
		s.p.layout()
	case key.Matches(kp, k.Back):
		s.p.goTo(s.p.at - 1)
		s.p.layout()
	case key.Matches(kp, pk.NextChapter, pk.PrevChapter, pk.NextTerm, pk.PrevTerm, pk.Reveal):
		var cmd tea.Cmd
		s.p, cmd = s.p.key(kp) // moves through goTo, which tells the room the member reads on their own
		return cmd
	default:
		s.p.body.scroll(kp, c.keys.Reader)
	}
	return nil
}

// help is every key on a member's screen.
func (s *memberScreen) help() [][]key.Binding {
	k, pk := s.c.keys.Room, s.c.keys.Present
	return [][]key.Binding{
		{k.Ahead, k.Back, k.Follow, pk.NextChapter, pk.PrevChapter},
		{k.Vote, k.Up, k.Down, k.Choose, k.Misses},
		{pk.NextTerm, pk.PrevTerm, s.c.keys.Glossary, s.c.keys.Theme},
		{k.Help, k.Leave, s.c.keys.Quit},
	}
}

// view is the step with the top popup over it, inside the terminal.
func (s *memberScreen) view() string {
	w, h := s.c.width, s.c.height
	base := fit(s.p.View(), w, h)
	if n := len(s.overlays); n > 0 {
		base = centerOver(base, fit(s.overlays[n-1].view(), w, h), w, h)
	}
	return fit(base, w, h)
}

// resize lays the step and the popups out at the terminal's size (and
// theme) now in common.
func (s *memberScreen) resize(w, h int) tea.Cmd {
	for _, o := range s.overlays {
		o.layout(w, h)
	}
	s.p.layout()
	return nil
}

// sharedLayout lays out the member's step, taking the lines from the
// deck's shared layouts when the step looks the same on every member's
// screen of this size and theme (no term focused, nothing of their own on
// it): a step shown to a room of a hundred is laid out once.
func (m *presentModel) sharedLayout() {
	d, s := m.room.shared(), m.step()
	if d == nil || m.focus >= 0 || (s.Kind != meeting.Title && s.Kind != meeting.Idea && s.Kind != meeting.Passage && s.Kind != meeting.Question) {
		m.layout()
		return
	}
	k := layoutKey{at: m.at, width: m.column(), style: m.c.styles.Name}
	if v, ok := d.layouts.Load(k); ok {
		e := v.(layoutEntry)
		m.terms, m.body.lines = e.terms, e.lines
		m.body.height = max(1, m.c.height-m.topGap()-1)
		m.body.clamp()
		return
	}
	m.layout()
	if d.count.Load() < maxLayouts {
		d.count.Add(1)
		d.layouts.Store(k, layoutEntry{lines: m.body.lines, terms: m.terms})
	}
}

// memberSeat is a member's seat in a served room: the member sees the
// room's step (or one of their own), votes from it, and reveals nothing.
type memberSeat struct {
	me   *room.Member
	c    *common
	deck *Deck // the room's, with the layouts members' screens share
	mv   room.MemberView
	// The member's choice on the step's open vote: cursor is the option the
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

func (l *memberSeat) moved(md *meeting.Deck, i int) {
	l.me.Goto(md.RoomStep(i))
	l.mv = l.me.View()
	l.notice = ""
}

func (l *memberSeat) at() (int, bool)                                { return l.mv.Step.Index, true }
func (l *memberSeat) item(id string) (room.ItemView, bool)           { return l.me.Item(id) }
func (l *memberSeat) hand(*content.QuizBank, *content.Scenario, int) {}
func (l *memberSeat) undo(*content.Scenario)                         {}
func (l *memberSeat) reveal(*content.Scenario) (done, decided bool)  { return false, true }
func (l *memberSeat) shareTimer(countdown)                           {}
func (l *memberSeat) atStake(*presentModel) (bool, string)           { return false, "" }
func (l *memberSeat) keep() map[string]room.ItemState                { return nil }
func (l *memberSeat) hidesSplit() bool                               { return false }
func (l *memberSeat) shared() *Deck                                  { return l.deck }
func (l *memberSeat) key(tea.KeyPressMsg) (tea.Cmd, bool)            { return nil, false }
func (l *memberSeat) help(RoomKeys) []key.Binding                    { return nil }
func (l *memberSeat) refresh()                                       {}
func (l *memberSeat) timerHint() bool                                { return false }

func (l *memberSeat) takeUp(string, room.ItemState) error {
	return fmt.Errorf("a member's screen keeps no presentation")
}

func (l *memberSeat) quizLines(m *presentModel, s step) []string { return m.memberQuizLines(l, s) }

func (l *memberSeat) titleCard(_ *Styles, w int, chapter func(int) []string) []string {
	return chapter(w)
}

// status is a member's status line: whether they follow the room (and
// their seat word, until their first key), a refused vote, the room's
// timer.
func (l *memberSeat) status(m *presentModel) string {
	// a narrow screen (a member's phone, a split window) gets the short words
	narrow := l.c.width < 64
	var parts []string
	switch {
	case l.mv.DriverLeft:
		parts = append(parts, "the facilitator left · the room waits")
	case l.notice != "":
		parts = append(parts, l.notice)
	case l.mv.Following && narrow && l.wordShown:
		parts = append(parts, "following · seat "+l.me.SeatWord())
	case l.mv.Following && narrow:
		parts = append(parts, "following")
	case l.mv.Following && l.wordShown:
		parts = append(parts, "following the room · seat word "+l.me.SeatWord())
	case l.mv.Following:
		parts = append(parts, "following the room")
	case narrow:
		parts = append(parts, "on your own · f follows")
	default:
		parts = append(parts, "on your own · f follows the room (at "+m.counterAt(l.mv.RoomStep.Index)+")")
	}
	if c := l.clock(); c != "" {
		parts = append(parts, c)
	}
	switch p := m.body.position(); {
	case p != "" && narrow:
		parts = append(parts, p)
	case p != "":
		parts = append(parts, p+" j/k") // ↑/↓ choose on an open vote
	}
	return m.c.styles.Item.Render(" " + strings.Join(parts, " · "))
}

// clock is the room's timer as a member's status line shows it: "⏱ 4:32",
// "" when the facilitator has not started one.
func (l *memberSeat) clock() string {
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

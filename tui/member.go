package tui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"studyguide/room"
)

// A member's view of the room is the presenter at the member's own size
// and theme, showing the room's step while the member follows it, or a
// step of their own while they read ahead or back. The glossary works for
// the member alone; the vote on a quiz step is theirs; nothing they do
// reaches anyone else's screen but their vote, counted anonymously.

// newMemberPresent is a member's presenter on the room's shared deck, at
// the step the member's view names.
func newMemberPresent(c *common, deck *Deck, me *room.Member) presentModel {
	m := presentModel{c: c, keys: c.keys.Present, md: deck.meeting, deck: deck.steps, explained: map[string]bool{},
		focus: -1, timer: countdown{set: defaultTimer, left: defaultTimer}}
	m.room = &roomLink{me: me, c: c, mv: me.View(), cursor: -1, cursorAt: -1, deck: deck, wordShown: true}
	m.at = max(0, min(len(m.deck)-1, m.room.mv.Step.Index))
	if it := m.room.mv.Item; it != nil {
		m.room.lastPhase = it.Phase
	}
	m.layout()
	return m
}

// memberChanged reads the member's fresh view: the room's step while
// following, the vote's phase, or the end of the connection.
func (m sessionModel) memberChanged() (tea.Model, tea.Cmd) {
	l := m.p.room
	v := l.me.View()
	l.mv = v
	if v.Exit != room.Staying {
		m.overlays = nil
		return m, tea.Quit // the wiring prints MemberFarewell
	}
	if v.Following && v.Step.Index != m.p.at && v.Step.Index < len(m.p.deck) {
		m.p.at, m.p.focus, m.p.body.offset = v.Step.Index, -1, 0
	}
	moved := v.Item != nil && v.Item.Phase != l.lastPhase && v.Step.Index == m.p.at
	if moved {
		l.lastPhase, l.cursor = v.Item.Phase, -1
	}
	m.p.sharedLayout() // once: a reveal reaches a hundred members at once
	if moved {
		m.p.body.offset = max(0, m.p.revealAt-1) // the reveal, at the top
		m.p.body.clamp()
	}
	if v.Timer.At.Equal(l.clockAt) {
		return m, nil // its ticks already run
	}
	l.clockAt = v.Timer.At
	return m, m.clockTick(v.Timer)
}

// clockMsg redraws a member's screen as the room's timer runs (gen drops a
// tick of a timer since changed).
type clockMsg struct{ gen time.Time }

// clockTick is the next second of the room's running timer on a member's
// screen, nil when it is not running.
func (m sessionModel) clockTick(t room.Timer) tea.Cmd {
	if !t.Running || t.Remaining(time.Now()) <= 0 {
		return nil
	}
	at := t.At
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return clockMsg{gen: at} })
}

// memberUpdate handles a member's keys and what their overlays ask.
func (m sessionModel) memberUpdate(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case openTermMsg:
		m.overlays = append(m.overlays, newTermOverlay(m.c, msg.term))
		return m, nil
	case clockMsg: // a second of the room's timer: the status line counts it
		if t := m.p.room.mv.Timer; t.At.Equal(msg.gen) {
			return m, m.clockTick(t)
		}
		return m, nil
	case tea.KeyPressMsg:
		if n := len(m.overlays); n > 0 {
			cmd, act := m.overlays[n-1].update(msg)
			return m.memberAct(act, cmd)
		}
		return m.memberKey(msg)
	case tea.MouseWheelMsg:
		if len(m.overlays) == 0 {
			var cmd tea.Cmd
			m.p, cmd = m.p.Update(msg)
			return m, cmd
		}
	}
	if n := len(m.overlays); n > 0 {
		cmd, act := m.overlays[n-1].update(msg)
		return m.memberAct(act, cmd)
	}
	return m, nil
}

// memberAct carries out what a member's overlay asked for.
func (m sessionModel) memberAct(a action, cmd tea.Cmd) (tea.Model, tea.Cmd) {
	switch a := a.(type) {
	case closeAction:
		m.overlays = m.overlays[:len(m.overlays)-1]
	case jumpAction: // a member has no reader: the entry closes, the step stays
		m.overlays = nil
	case openTermAction:
		m.overlays = append(m.overlays, newTermOverlay(m.c, a.term))
	case quitAction:
		m.overlays = nil
		m.p.room.me.Leave()
		return m, tea.Batch(cmd, tea.Quit)
	}
	return m, cmd
}

// memberKey handles a key on a member's view.
func (m sessionModel) memberKey(kp tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k, pk, l := m.c.keys.Room, m.c.keys.Present, m.p.room
	l.wordShown = false // the seat word shows until the member's first key (then in ?)
	switch {
	case key.Matches(kp, k.Leave):
		m.overlays = append(m.overlays, newConfirmOverlay(m.c, "Leave the room?",
			"Your seat and your votes are kept: join again with the same key, or type your seat word "+l.me.SeatWord()+
				" where the name goes, to get them back.", quitAction{}))
	case key.Matches(kp, k.Help):
		help := newHelpOverlay(m.c, m.memberHelp())
		help.note = "Your seat word is " + l.me.SeatWord() + ": after a drop, or on another terminal, type it where the name goes " +
			"to take your seat and your votes back. Keep it to yourself."
		help.layout(m.c.width, m.c.height)
		m.overlays = append(m.overlays, help)
	case key.Matches(kp, m.c.keys.Glossary) && m.c.pack.Glossary != nil:
		m.overlays = append(m.overlays, newIndexOverlay(m.c))
	case key.Matches(kp, k.Misses):
		m.overlays = append(m.overlays, newMessageOverlay(m.c, "Where you differed from the essay",
			missesText(m.c.pack, l.me.Misses(), contentWidth(min(m.c.popupWidth(), m.c.width)))))
	case key.Matches(kp, m.c.keys.Theme):
		m.c.toggled = true
		m.c.setDark(!m.c.styles.IsDark)
		m.p.layout()
	case key.Matches(kp, k.Follow):
		l.me.Follow()
		l.notice = ""
		return m.memberChanged()
	case m.p.memberVoteKey(kp):
	case key.Matches(kp, k.Ahead):
		m.p.goTo(m.p.at + 1)
		m.p.layout()
	case key.Matches(kp, k.Back):
		m.p.goTo(m.p.at - 1)
		m.p.layout()
	case key.Matches(kp, pk.NextChapter, pk.PrevChapter, pk.NextTerm, pk.PrevTerm, pk.Reveal):
		var cmd tea.Cmd
		m.p, cmd = m.p.key(kp) // moves through go_, which tells the room the member reads on their own
		return m, cmd
	default:
		m.p.body.scroll(kp, m.c.keys.Reader)
	}
	return m, nil
}

// memberHelp is every key on a member's view.
func (m sessionModel) memberHelp() [][]key.Binding {
	k, pk := m.c.keys.Room, m.c.keys.Present
	return [][]key.Binding{
		{k.Ahead, k.Back, k.Follow, pk.NextChapter, pk.PrevChapter},
		{k.Vote, k.Up, k.Down, k.Choose, k.Misses},
		{pk.NextTerm, pk.PrevTerm, m.c.keys.Glossary, m.c.keys.Theme},
		{k.Help, k.Leave, m.c.keys.Quit},
	}
}

// sharedLayout lays out the member's step, taking the lines from the
// deck's shared layouts when the step looks the same on every member's
// screen of this size and theme (no term focused, nothing of their own on
// it): a step shown to a room of a hundred is laid out once.
func (m *presentModel) sharedLayout() {
	d, s := m.room.deck, m.step()
	if d == nil || m.focus >= 0 || (s.kind != stepTitle && s.kind != stepIdea && s.kind != stepPassage && s.kind != stepQuestion) {
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

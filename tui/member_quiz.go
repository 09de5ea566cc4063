package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"studyguide/content"
	"studyguide/meeting"
	"studyguide/room"
)

// memberQuizLines is a quiz step on a member's screen: the scenario, the
// member's own vote while it is open (nothing preselected), and once the
// facilitator reveals, the room's tally beside what the member said, the
// essay's answer, then (for items of the sign category) the sign vote the
// same way, and the explanation with its passage.
func (m *presentModel) memberQuizLines(l *memberSeat, s step) []string {
	st, w, bank := m.c.styles, m.quizColumn(), m.c.pack.Quiz
	sc := s.Scenario
	// the scenario and the question look the same on every member's
	// screen of a size and theme: laid out once, shared, copied here
	lines := slices.Clone(l.deck.part(partKey{"scenario", m.at, w, st.Name}, func() []string {
		var out []string
		add := func(x string) { out = append(out, strings.Split(x, "\n")...) }
		add(st.Heading.Render(truncate(fmt.Sprintf("Quiz · scenario %d of %d", s.Number, s.Of), w)))
		add("")
		add(st.QuizText.Render(wrapText(flatten(sc.Text), w)))
		add("")
		add(st.Heading.Render(wrapText(bank.Question(), w)))
		return out
	}))
	add := func(x string) { lines = append(lines, strings.Split(x, "\n")...) }
	if l.cursorAt != m.at {
		l.cursor, l.cursorAt = -1, m.at
	}
	// what this member sees of the item, as the web page sees it too
	iv, shown := l.me.Item(sc.ID)
	v := l.deck.meeting.See(m.c.pack, m.at, l.mv, iv, shown).Vote
	if !v.Shown {
		add("")
		add(st.Item.Render(wrapText("The room has not reached this scenario yet: you can vote once the facilitator shows it.", w)))
		return lines
	}
	if !v.Category.Revealed {
		return append(lines, m.choiceLines(l, v.Category, w, len(lines))...)
	}
	m.revealAt = len(lines)
	if v.Sign != nil && v.Sign.Open && !v.Sign.Revealed { // the sign vote: the reveal in words, the vote whole
		return m.signVoteLines(l, lines, v, w)
	}
	lines = append(lines, m.pollTally(v.Category, w)...)
	lines = append(lines, m.saidLines(v.Category, w)...)
	if v.Sign != nil {
		add("")
		add(st.Heading.Render(wrapText(bank.SignQuestion(), w)))
		if !v.Sign.Revealed {
			if !v.Sign.Open {
				return lines
			}
			return append(lines, m.choiceLines(l, *v.Sign, w, len(lines))...)
		}
		m.revealAt = len(lines) - 1
		lines = append(lines, m.pollTally(*v.Sign, w)...)
		lines = append(lines, m.saidLines(*v.Sign, w)...)
	}
	return append(lines, l.deck.part(partKey{"explanation", m.at, w, st.Name}, func() []string {
		return explanationLines(st, sc, w)
	})...)
}

// choiceLines are the options of an open vote: the one the arrows reached
// marked ›, the member's vote marked ●, and how to vote.
func (m *presentModel) choiceLines(l *memberSeat, p meeting.Poll, w, at int) []string {
	st := m.c.styles
	l.choiceLine = at + 1
	out := []string{""}
	for i, o := range p.Options {
		cur, style := "  ", st.Item
		if i == l.cursor {
			cur, style = "› ", st.ItemSelected
		}
		text := fmt.Sprintf("%s%s %s", cur, o.Key, o.Label)
		if i == p.Mine {
			text += " ● your vote"
			style = style.Bold(true)
		}
		out = append(out, style.Render(truncate(text, w)))
	}
	keys := fmt.Sprintf("1–%s", optionKey(len(p.Options)-1))
	switch {
	case len(p.Options) == 2:
		keys = "1 or 2"
	case len(p.Options) == 10:
		keys = "1–9 and 0"
	}
	hint := "vote with " + keys + ", or ↑/↓ and enter"
	if p.Mine >= 0 {
		hint = "you can change your vote until the facilitator reveals it"
	}
	return append(append(out, ""), strings.Split(st.Item.Render(wrapText(hint, w)), "\n")...)
}

// pollTally is a revealed question's tally as bars, the essay's answers
// marked ✓.
func (m *presentModel) pollTally(p meeting.Poll, w int) []string {
	labels, counts, right := make([]string, len(p.Options)), make([]int, len(p.Options)), map[int]bool{}
	for i, o := range p.Options {
		labels[i], counts[i], right[i] = o.Label, o.Count, o.Right
	}
	return m.tallyLines(labels, counts, right, w)
}

// saidLines put what the member said beside the room's tally, and whether
// the essay agrees: "You said NGO-like · the room: 8 NGO-like, 4 …".
func (m *presentModel) saidLines(p meeting.Poll, w int) []string {
	st := m.c.styles
	essay, style := p.Essay, st.Item
	switch p.Verdict {
	case meeting.Agrees:
		essay, style = "✓ "+essay, st.Right
	case meeting.Differs:
		essay, style = "✗ "+essay, st.Wrong
	}
	lines := []string{""}
	lines = append(lines, strings.Split(st.Item.Render(wrapText(p.Said, w)), "\n")...)
	return append(lines, strings.Split(style.Render(wrapText(essay, w)), "\n")...)
}

// memberVoteKey handles a member's voting keys on a quiz step: a digit
// votes at once, the arrows move the choice and enter votes for it. It
// reports whether the key was one of them.
func (m *presentModel) memberVoteKey(l *memberSeat, kp tea.KeyPressMsg) bool {
	k, bank := m.c.keys.Room, m.c.pack.Quiz
	s := m.step()
	if s.Kind != meeting.Quiz || bank == nil {
		return false
	}
	iv, shown := l.me.Item(s.Scenario.ID)
	sign := iv.Category.Revealed
	n := len(bank.Categories)
	if sign {
		n = len(bank.Signs)
	}
	open := shown && (iv.Category.Open || iv.Sign.Open)
	switch {
	case key.Matches(kp, k.Vote):
		if i := digitOption(kp); i < n {
			m.cast(l, s.Scenario.ID, sign, i, open, shown)
		}
	case open && key.Matches(kp, k.Up):
		l.cursor = (max(l.cursor, 0) + n - 1) % n
		m.layout()
		m.body.show(l.choiceLine + l.cursor)
	case open && key.Matches(kp, k.Down):
		l.cursor = (l.cursor + 1) % n
		m.layout()
		m.body.show(l.choiceLine + l.cursor)
	case open && key.Matches(kp, k.Choose):
		if l.cursor >= 0 { // enter votes for a choice moved to, never a default
			m.cast(l, s.Scenario.ID, sign, l.cursor, open, shown)
		}
	default:
		return false
	}
	return true
}

// cast votes for option i, or says why it cannot.
func (m *presentModel) cast(l *memberSeat, scenario string, sign bool, i int, open, shown bool) {
	bank := m.c.pack.Quiz
	var err error
	switch {
	case !shown:
		err = room.ErrNotOpen
	case !open:
		err = room.ErrLocked
	case sign:
		err = l.me.VoteSign(scenario, bank.Signs[i].ID)
	default:
		err = l.me.Vote(scenario, bank.Categories[i].ID)
	}
	switch err {
	case nil:
		l.cursor, l.notice = i, ""
	case room.ErrNotOpen:
		l.notice = "the room has not opened this vote yet"
	case room.ErrLocked:
		l.notice = "the vote is closed: the facilitator revealed it"
	default:
		l.notice = err.Error()
	}
	if err != nil { // a vote cast comes back as a change from the room, laid out then
		m.layout()
	}
}

// missesText lists the items where a member's vote differed from the
// essay's answer, with the passage to reread and the item's id to note
// down, as plain text of a width.
func missesText(pack *content.Pack, misses []room.Miss, w int) string {
	bank := pack.Quiz
	if len(misses) == 0 || bank == nil {
		return "No differences from the essay's answers so far."
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d %s where your vote differed from the essay's answer. The ids are for noting down: the quiz on your own machine has the same items.\n",
		len(misses), plural(len(misses), "item", "items"))
	for _, ms := range misses {
		sc, ok := bank.Scenario(ms.Scenario)
		if !ok {
			continue
		}
		b.WriteString("\n" + hangText("• ", ms.Scenario+": "+flatten(sc.Text), w) + "\n")
		if ms.Category != "" {
			said, _ := bank.Category(ms.Category)
			answer, _ := bank.Category(sc.Answer)
			b.WriteString(hangText("  ", fmt.Sprintf("You said %s; the essay: %s.", said.Label, answer.Label), w) + "\n")
		}
		if ms.Sign != "" {
			said, _ := bank.Sign(ms.Sign)
			var keyed []string
			for _, sg := range bank.SignsOf(sc) {
				keyed = append(keyed, sg.Label)
			}
			b.WriteString(hangText("  ", fmt.Sprintf("You said %s; the essay: %s.", said.Label, strings.Join(keyed, "; ")), w) + "\n")
		}
		if p := sc.Paragraph; p != nil {
			b.WriteString(hangText("  ", fmt.Sprintf("¶%d (%d. %s): “%s”", p.Index+1, p.Chapter.Number, p.Chapter.Title, flatten(sc.Passage)), w) + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// MemberFarewell is what a member's terminal shows after their program
// ends: why, and the items where they differed from the essay's answer.
func MemberFarewell(pack *content.Pack, m *room.Member, width int) string {
	w := max(20, min(width, maxReadWidth))
	var head string
	switch m.View().Exit {
	case room.Closed:
		head = "The facilitator ended the meeting. Thank you for coming!"
	case room.Replaced:
		return "You joined the room from another terminal, so this one is closed."
	default:
		head = "You left the room. To get your seat and your votes back, join again with the same key, or type your seat word " +
			m.SeatWord() + " where the name goes."
	}
	misses := m.Misses()
	if len(misses) == 0 {
		return wrapText(head, w)
	}
	return wrapText(head, w) + "\n\n" + missesText(pack, misses, w)
}

package tui

import (
	"strings"

	"studyguide/meeting"
)

// A member's sign vote comes right after the category's reveal, on a
// screen that may be 60x20: the vote and its instruction must stay on it.
// The reveal is said in words above the signs (the bars come with the
// sign's reveal), and where the step is still taller than the screen it
// gives up its heading and blank lines, then scrolls so that the vote
// ends on screen.

// signVoteLines is a member's quiz step while the sign vote is open: the
// scenario (lines, without the category's question), what the reveal
// said, and the vote.
func (m *presentModel) signVoteLines(l *memberSeat, lines []string, v *meeting.Vote, w int) []string {
	st, bank := m.c.styles, m.c.pack.Quiz
	lines = lines[:len(lines)-1] // the category's question: answered now
	m.revealAt = len(lines)
	add := func(x string) { lines = append(lines, strings.Split(x, "\n")...) }
	lines = append(lines, m.saidLines(v.Category, w)[1:]...) // what the member said, the room, the essay
	add("")
	add(st.Heading.Render(wrapText(bank.SignQuestion(), w)))
	lines = m.fitSignVote(l, append(lines, m.choiceLines(l, *v.Sign, w, len(lines))...), m.c.height-m.topGap()-1)
	m.voteEnd = len(lines) - 1
	return lines
}

// fitSignVote fits a member's open sign vote to room lines (see above):
// first the heading and its blank line go, then the blank lines after the
// scenario but the first; if it is still too tall, the reveal's place is
// moved so that the vote's last line is on screen when the member's view
// scrolls to it.
func (m *presentModel) fitSignVote(l *memberSeat, lines []string, room int) []string {
	if len(lines) <= room {
		return lines
	}
	drop := map[int]bool{0: true, 1: true} // "Quiz · scenario 1 of 4" and its blank line
	scenarioEnd := 2
	for scenarioEnd < len(lines) && lines[scenarioEnd] != "" {
		scenarioEnd++
	}
	for i := len(lines) - 1; i > scenarioEnd && len(lines)-len(drop) > room; i-- {
		if lines[i] == "" {
			drop[i] = true
		}
	}
	var out []string
	moved := func(i int) int { // where line i is once the dropped lines are gone
		n := i
		for d := range drop {
			if d < i {
				n--
			}
		}
		return n
	}
	for i, line := range lines {
		if !drop[i] {
			out = append(out, line)
		}
	}
	l.choiceLine, m.revealAt = moved(l.choiceLine), moved(m.revealAt)
	if len(out) > room { // scroll to the reveal, or as near as lets the vote end on screen
		m.revealAt = max(1, min(m.revealAt, len(out)-room+1))
	}
	return out
}

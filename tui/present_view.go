package tui

import (
	"fmt"
	"strings"
	"studyguide/meeting"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// The presenter's screen, from the top: a margin, the pinned lines (a quiz
// step's scenario), the step's body (scrolling when it must), the timer in
// big digits when it has no room in the margin, and the status line. It is
// laid out for a projector's real size: 80x24 or 64x20 with a big font.

// timerMode is how the countdown is drawn.
type timerMode int

const (
	timerOff    timerMode = iota // not shown
	timerLine                    // one line, in the status line
	timerMargin                  // big digits in the right margin, beside the text
	timerBig                     // big digits (five rows) under the text
	timerSmall                   // smaller big digits (three rows) under the text
)

// timerRows is how many rows a mode takes under the body.
func (t timerMode) rows() int {
	switch t {
	case timerBig:
		return 6 // five rows of digits and their label
	case timerSmall:
		return 4
	}
	return 0
}

// topGap is the blank space above the text: a margin where there is room.
func (m presentModel) topGap() int {
	switch {
	case m.c.height >= 24:
		return 2
	case m.c.height >= 14:
		return 1
	}
	return 0
}

// layout builds the step's lines for the current size, and decides where
// the timer goes.
func (m *presentModel) layout() {
	if len(m.deck) == 0 {
		return
	}
	m.terms = nil
	m.pinned = nil
	m.voteEnd = -1
	var lines []string
	switch s := m.step(); s.Kind {
	case meeting.Title:
		lines = m.titleLines(s)
	case meeting.Idea:
		lines = m.ideaLines(s)
	case meeting.Passage:
		lines = m.passageLines(s)
	case meeting.Question:
		lines = m.questionLines(s)
	case meeting.Quiz:
		lines = m.room.quizLines(m, s) // a member's: their own vote, at their size
	case meeting.Summary:
		lines = m.roomLines(s)
	}
	if m.focus >= len(m.terms) {
		m.focus = -1
	}
	room := m.c.height - m.topGap() - 1 // the status line
	m.tmode = m.chooseTimer(room, len(m.pinned)+len(lines))
	room -= m.tmode.rows()
	if len(m.pinned) > 0 && room-len(m.pinned) < 3 {
		// too small to keep the scenario and the stage both: one scroll
		lines = append(m.pinned, lines...)
		m.pinned = nil
	}
	m.body.lines = lines
	m.wide = 0
	if m.step().Kind == meeting.Title {
		for _, l := range lines {
			m.wide = max(m.wide, lipgloss.Width(l))
		}
	}
	m.body.height = max(1, room-len(m.pinned))
	m.body.clamp()
	if size := [2]int{m.c.width, m.c.height}; size != m.laidOut {
		m.laidOut = size
		if m.voteEnd >= 0 { // resized during a member's vote: the vote's end back on screen
			m.body.show(m.voteEnd)
		}
	}
}

// chooseTimer puts the countdown in the right margin where it fits beside
// the text, else in big digits under it, five rows or three, if the whole
// step still fits above; else on the status line, so the step (the room's
// vote, say) is never cut short by the clock. A discussion question is the
// clock's own step: there it stays big (three rows) even if the question
// must then scroll, as long as seven lines of it show.
func (m presentModel) chooseTimer(room, need int) timerMode {
	wide := m.c.width >= bigWidth("00:00")+2
	question := m.step().Kind == meeting.Question
	switch {
	case !m.timer.shown:
		return timerOff
	case (m.c.width-m.stepColumn())/2 >= bigWidth("00:00")+3 && m.c.height >= 16:
		return timerMargin
	case wide && room-timerBig.rows() >= need:
		return timerBig
	case wide && room-timerSmall.rows() >= need:
		return timerSmall
	case wide && question && room-timerSmall.rows() >= 7:
		return timerSmall
	}
	return timerLine
}

func (m presentModel) View() string {
	w, h := m.c.width, m.c.height
	st := m.c.styles
	var b strings.Builder
	for range m.topGap() {
		b.WriteString("\n")
	}
	indent := func(col int) string { return strings.Repeat(" ", max(0, (w-col)/2)) }
	col := m.stepColumn()
	if m.wide > col { // a title card with a large QR code: centred too
		col = min(m.wide, w)
	}
	for _, l := range m.pinned {
		b.WriteString(indent(col) + l + "\n")
	}
	vis := m.body.visible()
	for i := range m.body.height {
		if i < len(vis) {
			b.WriteString(indent(col) + vis[i])
		}
		b.WriteString("\n")
	}
	if rows := m.tmode.rows(); rows > 0 {
		clock := strings.Split(m.timerView(), "\n")
		for i := range rows {
			if i < len(clock) {
				b.WriteString(indent(lipgloss.Width(clock[i])) + clock[i])
			}
			b.WriteString("\n")
		}
	}
	left := ""
	if p := m.body.position(); p != "" {
		left = st.Item.Render(" " + p + " · j/k")
	}
	if s := m.room.status(&m); s != "" {
		left = s
	}
	right := m.counter() + " "
	if m.tmode == timerLine {
		right = m.timerView() + " " + right
	}
	b.WriteString(spread(left, st.StatusInfo.Render(right), w))
	base := b.String()
	if m.tmode != timerMargin {
		return base
	}
	clock := m.timerView()
	x := max(0, w-(w-m.stepColumn())/2+1) // in the right margin, beside this step's column
	return lipgloss.NewCompositor(
		lipgloss.NewLayer(fit(base, w, h)),
		lipgloss.NewLayer(clock).X(x).Y(0).Z(1),
	).Render()
}

// stepColumn is the width of the text of the step on screen: a quiz step's
// is wider (see quizColumn).
func (m presentModel) stepColumn() int {
	if m.step().Kind == meeting.Quiz {
		return m.quizColumn()
	}
	return m.column()
}

// timerView is the countdown as its mode draws it; at zero it turns over
// (reverse video) and says so.
func (m presentModel) timerView() string {
	st := m.c.styles
	t := m.timer
	secs := int((t.left + time.Second - 1) / time.Second)
	text := fmt.Sprintf("%d:%02d", secs/60, secs%60)
	style := st.Heading
	label := "paused"
	switch {
	case t.left <= 0:
		style = st.Wrong.Reverse(true)
		label = "time is up"
	case t.running && m.step().Kind == meeting.Question:
		label = "discussion" // the timer's own step
	case t.running:
		label = "running"
	}
	if m.tmode == timerLine {
		if t.left <= 0 {
			return style.Render("timer " + text + " · time is up")
		}
		if !t.running {
			return style.Render("timer " + text + " paused")
		}
		return style.Render("timer " + text)
	}
	rows := bigText(text)
	if m.tmode == timerSmall {
		rows = halfHeight(rows)
	}
	bw := ansi.StringWidth(rows[0])
	pad := max(0, bw-ansi.StringWidth(label))
	rows = append(rows, strings.Repeat(" ", pad/2)+label+strings.Repeat(" ", pad-pad/2))
	for i, r := range rows {
		rows[i] = " " + r + " "
	}
	return style.Render(strings.Join(rows, "\n"))
}

func (m presentModel) titleLines(s step) []string {
	st, w := m.c.styles, m.column()
	ch := s.Chapter
	chapter := func(w int) []string {
		var lines []string
		add := func(x string) { lines = append(lines, strings.Split(x, "\n")...) }
		add(st.Heading.Render(fmt.Sprintf("Chapter %d of %d", ch.Number, len(m.c.pack.Chapters))))
		add("")
		add(st.Heading.Render(wrapText(ch.Title, w)))
		add("")
		add(st.Item.Render(wrapText(fmt.Sprintf("%d min of reading · %d words", ch.ReadingMinutes(m.c.pack.Meta.ReadingWPM), ch.Words()), w)))
		add("")
		add(st.Item.Render(wrapText(m.md.Outline(ch.Number), w)))
		return lines
	}
	return m.room.titleCard(st, w, chapter)
}

// ideaLines is one of the chapter's key ideas, on its own.
func (m *presentModel) ideaLines(s step) []string {
	st, w := m.c.styles, m.column()
	lines := []string{st.Heading.Render(truncate(fmt.Sprintf("Key idea %d of %d · chapter %d", s.Number, s.Of, s.Chapter.Number), w)), ""}
	return append(lines, m.markedBlocksAt([]textBlock{{text: flatten(s.Idea), style: st.Item}}, w, len(lines))...)
}

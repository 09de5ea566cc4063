package tui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"studyguide/content"
	"studyguide/meeting"
)

// roomVote is the room's vote on one scenario as the presenter shows it:
// counts per category, then (items of the sign category) per sign, and how
// far it is revealed. It is read from the room each time (voteOf): the
// room is the one place hands, votes, stages and undo live; explained, the
// presenter's own last stage, is the presenter's.
type roomVote struct {
	cats, signs  []int
	revealed     bool // the category
	signRevealed bool
	explained    bool // the explanation and passage are on screen
}

func (m presentModel) vote() *roomVote {
	s := m.step()
	if s.Kind != meeting.Quiz {
		return nil
	}
	return voteOf(m.room, m.c.pack.Quiz, s.Scenario, m.explained[s.Scenario.ID])
}

// asksSign says whether a scenario has the follow-up about its sign.
func (m presentModel) asksSign(sc *content.Scenario) bool {
	return sc.Answer == m.c.pack.Quiz.SignCategory().ID && len(m.c.pack.Quiz.Signs) > 0
}

// count raises one hand for option i of the current vote, in the room.
func (m *presentModel) count(i int) {
	m.room.hand(m.c.pack.Quiz, m.step().Scenario, i)
}

// undoHand takes back the last hand counted in the current vote.
func (m *presentModel) undoHand() {
	m.room.undo(m.step().Scenario)
}

// reveal shows the next part of a quiz step: the room reveals the
// category, then the sign; then the presenter the explanation. false when
// all is shown (or on a member's screen, where nothing is revealed).
func (m *presentModel) reveal() bool {
	sc := m.step().Scenario
	if done, decided := m.room.reveal(sc); decided {
		return done
	}
	if m.explained[sc.ID] {
		return false
	}
	m.explained[sc.ID] = true
	return true
}

// quizColumn is the width of a quiz step: wider than a passage's, so the
// scenario takes fewer lines and the signs fit in two columns. It is never
// under 64 cells where the screen has them: at a projector's 64x20 the
// sign grid needs every one (its margins would take two).
func (m presentModel) quizColumn() int {
	w := m.c.width
	return max(1, min(76, w-2*max(1, w/40)), min(w, gridWidth))
}

// gridWidth is the narrowest screen the sign grid is laid out for with
// every label whole: a projector's 64 columns.
const gridWidth = 64

// quizPinned is the top of a quiz step, on screen through every stage: the
// scenario the room is discussing.
func (m *presentModel) quizPinned(s step) []string {
	st, w := m.c.styles, m.quizColumn()
	d := m.room.shared() // in a room, laid out once: each vote redraws the count under it
	// clipped: the layout appends to it, never into the shared lines
	return slices.Clip(d.part(partKey{"pinned", m.at, w, st.Name}, func() []string {
		var lines []string
		add := func(x string) { lines = append(lines, strings.Split(x, "\n")...) }
		add(st.Heading.Render(truncate(fmt.Sprintf("Quiz · scenario %d of %d", s.Number, s.Of), w)))
		add("")
		add(st.QuizText.Render(wrapText(flatten(s.Scenario.Text), w)))
		add("")
		return lines
	}))
}

// quizStage is the rest of a quiz step, for where the room is: hands for
// the category, the category revealed, hands for the sign, the sign
// revealed, the explanation.
func (m *presentModel) quizStage(s step) []string {
	st, w, bank := m.c.styles, m.quizColumn(), m.c.pack.Quiz
	v := m.vote()
	sc := s.Scenario
	var lines []string
	add := func(x string) { lines = append(lines, strings.Split(x, "\n")...) }
	right := -1
	var labels []string
	for i, c := range bank.Categories {
		labels = append(labels, c.Label)
		if c.ID == sc.Answer {
			right = i
		}
	}
	answer := fmt.Sprintf("✓ %s · hands %s", bank.Categories[right].Label, joinCounts(v.cats))
	switch {
	case !v.revealed:
		add(st.Heading.Render(wrapText(bank.Question(), w)))
		lines = append(lines, m.roomTally(labels, v.cats, nil, w, true)...) // in a room: who voted, not how
		add("")
		add(st.Item.Render(truncate("count hands with 1 and 2 · u undo · r reveal", w)))
	case v.explained:
		add(st.Right.Render(truncate(answer, w)))
		var tags []string
		for _, t := range bank.SignsOf(sc) {
			tags = append(tags, t.ID+". "+t.Label)
		}
		if len(tags) > 0 {
			add(st.Heading.Render(wrapText("Shows: "+strings.Join(tags, " · "), w)))
		}
		add("")
		add(st.Item.Render(wrapText(flatten(sc.Explanation), w)))
		if sc.Paragraph != nil {
			add("")
			for _, l := range strings.Split(wrapText("“"+flatten(sc.Passage)+"”", max(1, w-2)), "\n") {
				add(st.Accent.Render("▎") + " " + st.Quote.Render(l))
			}
			add(st.Accent.Render(truncate(fmt.Sprintf("%d. %s · ¶%d", sc.Paragraph.Chapter.Number, sc.Paragraph.Chapter.Title, sc.Paragraph.Index+1), w)))
		}
	case m.asksSign(sc):
		// the category's bars stay above the signs where the screen has
		// room for both; else one line says the answer and the hands
		room := m.c.height - m.topGap() - 1 - len(m.quizPinned(s))
		if room >= len(bank.Signs)/2+2+len(labels)+3 {
			lines = append(lines, m.tallyLines(labels, v.cats, map[int]bool{right: true}, w)...)
		} else {
			add(st.Right.Render(truncate(answer, w)))
		}
		add(st.Heading.Render(truncate(bank.SignQuestion(), w)))
		tagged := map[int]bool{}
		var signs []string
		for i, sg := range bank.Signs {
			signs = append(signs, sg.Label)
			if v.signRevealed && slices.Contains(sc.Signs, sg.ID) {
				tagged[i] = true
			}
		}
		pending := m.room.hidesSplit() && !v.signRevealed // in a room: who voted, not how
		lines = append(lines, m.signGrid(signs, v.signs, tagged, w, pending)...)
		if pending {
			add("")
			add(m.roomVoted(w))
		}
		add("")
		hint := "count hands with 1–9 and 0 · u undo · r reveal"
		if v.signRevealed {
			hint = "space: why"
		}
		add(st.Item.Render(truncate(hint, w)))
	default:
		add(st.Heading.Render(wrapText(bank.Question(), w)))
		lines = append(lines, m.tallyLines(labels, v.cats, map[int]bool{right: true}, w)...)
		add("")
		add(st.Item.Render(truncate("space: why", w)))
	}
	return lines
}

// joinCounts is counts as "8–4".
func joinCounts(counts []int) string {
	parts := make([]string, len(counts))
	for i, n := range counts {
		parts[i] = fmt.Sprint(n)
	}
	return strings.Join(parts, "–")
}

// tallyLines shows hands counted for each option as bars; the right
// options, once revealed, are marked ✓.
func (m presentModel) tallyLines(labels []string, counts []int, right map[int]bool, w int) []string {
	st := m.c.styles
	top := 1
	labelW, countW := 0, 0
	count := func(i int) string { return fmt.Sprintf(" %d", counts[i]) }
	for i, l := range labels {
		top = max(top, counts[i])
		labelW = max(labelW, ansi.StringWidth(l))
		countW = max(countW, len(count(i)))
	}
	labelW = max(1, min(labelW, w-6-countW)) // a hall's three-digit count stays whole
	var out []string
	for i, l := range labels {
		mark, style := "  ", st.Item
		if right[i] {
			mark, style = "✓ ", st.Right
		}
		name := truncate(l, labelW)
		name += strings.Repeat(" ", labelW-ansi.StringWidth(name))
		barW := max(0, w-2-2-labelW-1-ansi.StringWidth(count(i)))
		bar := strings.Repeat("█", counts[i]*barW/top)
		line := style.Render(fmt.Sprintf("%s%s %s", mark, optionKey(i), name)) + " " + st.BarDone.Render(bar) + st.Item.Render(count(i))
		out = append(out, truncate(line, w))
	}
	return out
}

// signGrid lists the signs with their hands in two columns where the width
// allows (one otherwise), so the scenario stays on screen above them. Each
// column is as wide as its longest label needs, the counts only when shown
// and as wide as the largest. Where that is too wide, a column with no sign
// marked ✓ gives up the room for the mark, then the columns come closer,
// then a sign marked ✓ shows the mark in its key's place (the keys count
// nothing once the sign is revealed), and only then are the widest
// column's labels shortened, a character at a time: at 64 columns every
// label within the grid's budget is whole while hands are counted and
// after the reveal.
func (m presentModel) signGrid(labels []string, counts []int, right map[int]bool, w int, pending bool) []string {
	st := m.c.styles
	cols := 1
	if w >= 50 {
		cols = 2
	}
	rows := (len(labels) + cols - 1) / cols
	markW := make([]int, cols) // room for "✓ ", as the category's bars keep it
	marked := make([]bool, cols)
	for i := range labels {
		markW[i/rows] = 2
		marked[i/rows] = marked[i/rows] || right[i]
	}
	countW := 0
	if !pending { // counts stay hidden until the reveal
		countW = len(fmt.Sprint(slices.Max(append([]int{0}, counts...))))
	}
	fixed := 2 // the key and a space
	if countW > 0 {
		fixed += 1 + countW
	}
	labelW := make([]int, cols)
	for i, l := range labels {
		labelW[i/rows] = max(labelW[i/rows], ansi.StringWidth(l))
	}
	gap := 3 // two columns apart, never so close a count reads as part of the next key
	total := func() int {
		t := gap * (cols - 1)
		for c, lw := range labelW {
			t += markW[c] + fixed + lw
		}
		return t
	}
	for c := range markW { // tight: room for ✓ only in a column with one
		if total() > w && !marked[c] {
			markW[c] = 0
		}
	}
	if total() > w {
		gap = 2
	}
	inKey := false // the ✓ in the key's place, no column of marks
	if total() > w && slices.Contains(marked, true) {
		inKey = true
		clear(markW)
	}
	for total() > w {
		c := 0
		for i, lw := range labelW {
			if lw > labelW[c] {
				c = i
			}
		}
		if labelW[c] <= 1 {
			break
		}
		labelW[c]--
	}
	cell := func(i int) string {
		lw := labelW[i/rows]
		mark, key, style := strings.Repeat(" ", markW[i/rows]), optionKey(i), st.Item
		switch {
		case right[i] && inKey:
			key, style = "✓", st.Right
		case right[i]:
			mark, style = "✓ ", st.Right
		}
		name := truncate(labels[i], lw)
		name += strings.Repeat(" ", max(0, lw-ansi.StringWidth(name)))
		out := style.Render(mark + key + " " + name)
		if countW > 0 {
			out += " " + st.StatusInfo.Render(fmt.Sprintf("%*d", countW, counts[i]))
		}
		return out
	}
	var out []string
	for r := range rows {
		var b strings.Builder
		for c := range cols {
			i := c*rows + r
			if i >= len(labels) {
				break
			}
			if c > 0 {
				b.WriteString(strings.Repeat(" ", gap))
			}
			b.WriteString(cell(i))
		}
		out = append(out, truncate(b.String(), w))
	}
	return out
}

// roomLines is the room's summary of a chapter's quiz: for each item the
// majority's category and the hands, then the sign hands where the room
// voted on one.
func (m presentModel) roomLines(s step) []string {
	st, w, bank := m.c.styles, m.column(), m.c.pack.Quiz
	var lines []string
	add := func(x string) { lines = append(lines, strings.Split(x, "\n")...) }
	add(st.Heading.Render(wrapText(fmt.Sprintf("The room on chapter %d", s.Chapter.Number), w)))
	add("")
	voted, right, signVotes, signRight := 0, 0, 0, 0
	for _, d := range m.deck {
		if d.Kind != meeting.Quiz || d.Chapter != s.Chapter {
			continue
		}
		v := voteOf(m.room, bank, d.Scenario, m.explained[d.Scenario.ID])
		if sum(v.cats) == 0 {
			add(st.Item.Render(truncate(fmt.Sprintf("  %d. not voted · %s", d.Number, flatten(d.Scenario.Text)), w)))
			continue
		}
		voted++
		top := topIndex(v.cats)
		ok := bank.Categories[top].ID == d.Scenario.Answer && !tie(v.cats)
		mark, style := "✗", st.Wrong
		if ok {
			right++
			mark, style = "✓", st.Right
		}
		add(style.Render(mark) + st.Item.Render(truncate(fmt.Sprintf(" %d. %s %s · %s", d.Number, bank.Categories[top].Label, joinCounts(v.cats), flatten(d.Scenario.Text)), w-2)))
		if sum(v.signs) == 0 {
			continue
		}
		signVotes++
		sg := bank.Signs[topIndex(v.signs)]
		smark, sstyle := "✗", st.Wrong
		if slices.Contains(d.Scenario.Signs, sg.ID) && !tie(v.signs) {
			signRight++
			smark, sstyle = "✓", st.Right
		}
		add("   " + sstyle.Render(smark) + st.Item.Render(truncate(fmt.Sprintf(" sign %s, %d of %d hands: %s", sg.ID, v.signs[topIndex(v.signs)], sum(v.signs), sg.Label), w-5)))
	}
	add("")
	if voted == 0 {
		add(st.Item.Render(wrapText("No votes counted in this chapter.", w)))
		return lines
	}
	summary := fmt.Sprintf("The room's majority was right on %d of %d.", right, voted)
	if signVotes > 0 {
		summary += fmt.Sprintf(" On the sign: %d of %d.", signRight, signVotes)
	}
	add(st.Heading.Render(wrapText(summary, w)))
	return lines
}

// topIndex is the index of the largest count (the first, on a tie).
func topIndex(xs []int) int {
	top := 0
	for i, n := range xs {
		if n > xs[top] {
			top = i
		}
	}
	return top
}

func sum(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

// tie reports whether the largest count is shared.
func tie(xs []int) bool {
	top, n := -1, 0
	for _, x := range xs {
		switch {
		case x > top:
			top, n = x, 1
		case x == top:
			n++
		}
	}
	return n > 1
}

package tui

// The quiz's summary: the score, how each sign went, what to reread.

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"studyguide/progress"
	"studyguide/quiz"
)

func (m *quizModel) summaryLines() []string {
	st, w, bank := m.c.styles, m.width(), m.c.pack.Quiz
	sum := m.s.Summary()
	var lines []string
	add := func(s string) { lines = append(lines, strings.Split(s, "\n")...) }
	add(st.Heading.Render(wrapText(scoreLine(sum), w)))
	add("")
	labelW := 0
	for _, c := range sum.PerCategory {
		labelW = max(labelW, ansi.StringWidth(c.Category.Label))
	}
	for _, s := range sum.PerSign {
		labelW = max(labelW, ansi.StringWidth(s.Sign.ID+" "+s.Sign.Label))
	}
	labelW = min(labelW, max(4, w-18))
	barW := max(1, min(20, w-labelW-10))
	bar := func(label string, right, asked int) string {
		label = truncate(label, labelW)
		label += strings.Repeat(" ", max(0, labelW-ansi.StringWidth(label)))
		if asked == 0 {
			return label + "  " + st.Dim.Render(strings.Repeat("·", barW)+"  not asked")
		}
		full := right * barW / asked
		return label + "  " + st.BarDone.Render(strings.Repeat("█", full)) + st.BarTodo.Render(strings.Repeat("░", barW-full)) +
			fmt.Sprintf("  %d/%d", right, asked)
	}
	add(st.Heading.Render("Classification"))
	for _, c := range sum.PerCategory {
		add(truncate(bar(c.Category.Label, c.Right, c.Asked), w))
	}
	var notMet []string
	asked := 0
	for _, s := range sum.PerSign {
		if s.Asked == 0 {
			notMet = append(notMet, s.Sign.ID)
			continue
		}
		if asked == 0 {
			add("")
			add(st.Heading.Render(wrapText("Naming the "+bank.SignsName(), w)))
		}
		asked++
		add(truncate(bar(s.Sign.ID+" "+s.Sign.Label, s.Right, s.Asked), w))
	}
	if len(notMet) > 0 && len(notMet) < len(sum.PerSign) {
		add(st.Dim.Render(wrapText("Not met this time: "+strings.Join(notMet, ", "), w)))
	}
	if len(sum.Missed) > 0 {
		add("")
		add(st.Heading.Render(fmt.Sprintf("Missed (%d)", len(sum.Missed))))
		for _, sc := range sum.Missed {
			add(truncate("• "+flatten(sc.Text), w))
		}
	}
	if len(sum.ChaptersToReread) > 0 {
		add("")
		add(st.Heading.Render("Chapters to reread"))
		for _, n := range sum.ChaptersToReread {
			if n >= 1 && n <= len(m.c.pack.Chapters) {
				add(truncate(fmt.Sprintf("  %d  %s", n, m.c.pack.Chapters[n-1].Title), w))
			}
		}
	}
	return lines
}

// scoreLine is how a session went, in a sentence: shared by the quiz
// screen and the plain mode.
func scoreLine(sum quiz.Summary) string {
	switch {
	case sum.Answered == 0:
		return "Nothing answered yet."
	case sum.Answered < sum.Total:
		return fmt.Sprintf("Stopped after %d of %d: %d right%s.", sum.Answered, sum.Total, sum.Correct, percent(sum.Correct, sum.Answered))
	}
	return fmt.Sprintf("Finished: %d of %d right%s.", sum.Correct, sum.Total, percent(sum.Correct, sum.Total))
}

// percent is " (n%)", or nothing when there is nothing to count.
func percent(right, of int) string {
	if of == 0 {
		return ""
	}
	return fmt.Sprintf(" (%d%%)", progress.Percent(right, of))
}

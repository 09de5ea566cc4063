package content

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Timing of a planned meeting, in minutes.
const (
	MeetingMinutes     = 60 // what a meeting aims for
	QuestionMinutes    = 5  // discussing one question
	ScenarioMinutes    = 2  // one quiz scenario as a room exercise: read, vote, reveal
	MaxQuizMinutes     = 15 // the quiz takes a selection when a meeting has more
	OpenMinutes        = 15 // discussion per chapter when the guide has no questions
	planSlack          = 5  // how far past MeetingMinutes grouping may go
	defaultPlanWidth   = 72
	minIndentPlanWidth = 24 // below this the plan drops its indentation
)

// PlannedMeeting is one meeting of a reading plan with a suggested timing.
type PlannedMeeting struct {
	Number   int
	Title    string
	Chapters []*Chapter
	Focus    string
	// Questions are the ones to discuss, in chapter order; Extra are the
	// chapters' other questions, for when time allows.
	Questions, Extra []Question
	// Scenarios is how many quiz scenarios the chapters have; QuizScenarios
	// is how many fit the meeting.
	Scenarios, QuizScenarios int
	// Minutes for each part: reading (or a recap, for a group that reads
	// ahead), the questions, the quiz, and open discussion to fill the hour.
	Reading, Discussion, Quiz, Open int
}

// Minutes is the meeting's suggested length.
func (m PlannedMeeting) Minutes() int { return m.Reading + m.Discussion + m.Quiz + m.Open }

// Words is how many words of the article the meeting reads.
func (m PlannedMeeting) Words() int {
	n := 0
	for _, c := range m.Chapters {
		n += c.Words()
	}
	return n
}

// Plan is the pack's suggested reading plan: the guide's meetings when it
// has them, otherwise consecutive chapters grouped into meetings of about
// an hour. Each meeting gets a timing that adds up to about an hour.
func (p *Pack) Plan() []PlannedMeeting {
	var out []PlannedMeeting
	for i, m := range p.meetings() {
		out = append(out, p.planMeeting(i+1, m))
	}
	return out
}

// meetings are the guide's meetings, or a grouping of the chapters when the
// guide has none.
func (p *Pack) meetings() []Meeting {
	if p.Guide != nil && len(p.Guide.Meetings) > 0 {
		return p.Guide.Meetings
	}
	var out []Meeting
	cur := 0 // estimated minutes of the last meeting
	for _, c := range p.Chapters {
		cost := c.ReadingMinutes(p.Meta.ReadingWPM) + OpenMinutes
		if g := p.Guide.For(c.Number); g != nil && len(g.Questions) > 0 {
			cost = c.ReadingMinutes(p.Meta.ReadingWPM) + QuestionMinutes*len(g.Questions)
		}
		if len(out) == 0 || cur+cost > MeetingMinutes+planSlack {
			out = append(out, Meeting{})
			cur = 0
		}
		m := &out[len(out)-1]
		m.Chapters = append(m.Chapters, c.Number)
		m.Title = joinTitle(m.Title, c.Title)
		cur += cost
	}
	return out
}

func joinTitle(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

// planMeeting times one meeting: reading, then as many questions and quiz
// scenarios as fit the hour, at least one question per chapter.
func (p *Pack) planMeeting(n int, m Meeting) PlannedMeeting {
	pm := PlannedMeeting{Number: n, Title: m.Title, Focus: m.Focus}
	var perChapter [][]Question
	for _, num := range m.Chapters {
		if num < 1 || num > len(p.Chapters) {
			continue
		}
		pm.Chapters = append(pm.Chapters, p.Chapters[num-1])
		pm.Scenarios += chapterScenarios(p, num)
		if g := p.Guide.For(num); g != nil {
			perChapter = append(perChapter, g.Questions)
		}
	}
	pm.Reading = ReadingMinutes(pm.Words(), p.Meta.ReadingWPM)
	pm.QuizScenarios = min(pm.Scenarios, MaxQuizMinutes/ScenarioMinutes)
	pm.Quiz = pm.QuizScenarios * ScenarioMinutes
	fit := (MeetingMinutes - pm.Reading - pm.Quiz) / QuestionMinutes
	pm.Questions, pm.Extra = pickQuestions(perChapter, max(fit, len(perChapter)))
	pm.Discussion = QuestionMinutes * len(pm.Questions)
	if rest := MeetingMinutes - pm.Minutes(); rest >= QuestionMinutes {
		pm.Open = rest
	}
	return pm
}

// pickQuestions takes k questions round the chapters in turn, so each
// chapter gets its first questions discussed, and returns them in chapter
// order with the rest.
func pickQuestions(perChapter [][]Question, k int) (chosen, rest []Question) {
	take := make([]int, len(perChapter))
	for left := k; left > 0; {
		progress := false
		for i, qs := range perChapter {
			if left > 0 && take[i] < len(qs) {
				take[i]++
				left--
				progress = true
			}
		}
		if !progress {
			break
		}
	}
	for i, qs := range perChapter {
		chosen = append(chosen, qs[:take[i]]...)
		rest = append(rest, qs[take[i]:]...)
	}
	return chosen, rest
}

// chapterScenarios is how many quiz scenarios belong to a chapter, 0 when
// the pack has no quiz. It is the plan's only use of the quiz bank.
func chapterScenarios(p *Pack, chapter int) int {
	if p.Quiz == nil {
		return 0
	}
	return len(p.Quiz.ByChapter(chapter))
}

// WritePlan prints the reading plan as plain text wrapped to width columns
// (72 when width is 0 or less), for a facilitator to print or share.
func WritePlan(w io.Writer, p *Pack, width int) error {
	if width <= 0 {
		width = defaultPlanWidth
	}
	pw := &planWriter{width: width, indent: "  "}
	if width < minIndentPlanWidth {
		pw.indent = ""
	}
	plan := p.Plan()
	pw.heading(p.Meta.Title, "=")
	pw.para("", fmt.Sprintf("A reading plan in %d meetings of about an hour. Reading times are at %d words a minute; "+
		"a group that reads ahead can use the reading time for a recap.", len(plan), wpm(p)))
	for _, m := range plan {
		pw.blank()
		pw.meeting(p, m)
	}
	_, err := io.WriteString(w, pw.b.String())
	return err
}

func wpm(p *Pack) int {
	if p.Meta.ReadingWPM > 0 {
		return p.Meta.ReadingWPM
	}
	return DefaultWPM
}

// planWriter builds the plan text line by line.
type planWriter struct {
	b      strings.Builder
	width  int
	indent string
}

func (pw *planWriter) line(s string) { pw.b.WriteString(strings.TrimRight(s, " ") + "\n") }
func (pw *planWriter) blank()        { pw.b.WriteString("\n") }

// heading writes a title underlined with rule characters.
func (pw *planWriter) heading(title, rule string) {
	lines := wrap(title, pw.width, "", "")
	for _, l := range lines {
		pw.line(l)
	}
	longest := 0
	for _, l := range lines {
		longest = max(longest, ansi.StringWidth(l))
	}
	pw.line(strings.Repeat(rule, longest))
}

// para writes text wrapped, every line starting with prefix.
func (pw *planWriter) para(prefix, text string) {
	for _, l := range wrap(text, pw.width, prefix, prefix) {
		pw.line(l)
	}
}

// item writes text after a label such as "3. ", later lines aligned with
// the text.
func (pw *planWriter) item(prefix, label, text string) {
	hang := prefix + strings.Repeat(" ", ansi.StringWidth(label))
	for _, l := range wrap(text, pw.width, prefix+label, hang) {
		pw.line(l)
	}
}

// row writes a label and a number of minutes as an aligned table row, or
// wrapped when the row is wider than the page.
func (pw *planWriter) row(label string, minutes int) {
	s := fmt.Sprintf("%s%-30s %3d min", pw.indent, label, minutes)
	if ansi.StringWidth(s) <= pw.width {
		pw.line(s)
		return
	}
	pw.para(pw.indent, fmt.Sprintf("%s: %d min", label, minutes))
}

func (pw *planWriter) meeting(p *Pack, m PlannedMeeting) {
	pw.heading(fmt.Sprintf("Meeting %d — %s", m.Number, m.Title), "-")
	pw.para("", "Chapters")
	for _, c := range m.Chapters {
		pw.item(pw.indent, fmt.Sprintf("%d. ", c.Number),
			fmt.Sprintf("%s (%d min)", c.Title, c.ReadingMinutes(wpm(p))))
	}
	pw.blank()
	pw.para("", fmt.Sprintf("Timing, about %d minutes", m.Minutes()))
	pw.row(fmt.Sprintf("Reading, %d words", m.Words()), m.Reading)
	if len(m.Questions) > 0 {
		pw.row(fmt.Sprintf("Discussion, %d %s", len(m.Questions), plural(len(m.Questions), "question", "questions")), m.Discussion)
	}
	if m.Quiz > 0 {
		pw.row(fmt.Sprintf("Quiz, %d of %d scenarios", m.QuizScenarios, m.Scenarios), m.Quiz)
	}
	if m.Open > 0 {
		pw.row("Open discussion and wrap-up", m.Open)
	}
	if strings.TrimSpace(m.Focus) != "" {
		pw.blank()
		pw.para("", "Focus")
		pw.para(pw.indent, m.Focus)
	}
	pw.questions("Questions", m.Questions, 1)
	pw.questions("If time allows", m.Extra, len(m.Questions)+1)
}

// questions lists questions numbered from first, each with the passage it
// is grounded in.
func (pw *planWriter) questions(title string, qs []Question, first int) {
	if len(qs) == 0 {
		return
	}
	pw.blank()
	pw.para("", title)
	for i, q := range qs {
		label := fmt.Sprintf("%d. ", first+i)
		pw.item(pw.indent, label, collapseSpace(q.Text))
		if q.Paragraph != nil {
			hang := pw.indent + strings.Repeat(" ", len(label))
			pw.para(hang, fmt.Sprintf("Passage (chapter %d, paragraph %d): “%s”",
				q.Paragraph.Chapter.Number, q.Paragraph.Index+1, collapseSpace(q.Quote)))
		}
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// wrap breaks text at spaces into lines at most width columns wide, the
// first line starting with first and the others with rest. A word wider
// than the line is cut, as nothing else fits.
func wrap(text string, width int, first, rest string) []string {
	if ansi.StringWidth(first) >= width {
		first = ""
	}
	if ansi.StringWidth(rest) >= width {
		rest = ""
	}
	var lines []string
	prefix := first
	cur := ""
	flush := func() {
		lines = append(lines, prefix+cur)
		prefix, cur = rest, ""
	}
	for _, word := range strings.Fields(text) {
		if cur != "" && ansi.StringWidth(prefix+cur+" "+word) > width {
			flush()
		}
		if cur != "" {
			cur += " "
		}
		cur += word
		for ansi.StringWidth(prefix+cur) > width {
			room := max(1, width-ansi.StringWidth(prefix))
			head := ansi.Truncate(cur, room, "")
			if head == "" { // a wide character, or no room after the prefix
				head = string([]rune(cur)[:1])
			}
			cur = strings.TrimPrefix(cur, head)
			lines = append(lines, prefix+head)
			prefix = rest
		}
	}
	if cur != "" || len(lines) == 0 {
		flush()
	}
	return lines
}

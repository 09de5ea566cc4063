package tui

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"studyguide/content"
	"studyguide/quiz"
)

// PlainQuiz runs a quiz line by line on plain input and output: no full
// screen, no colour, no cursor movement, so it works with a screen reader, in
// a pipe or from a script. Each answer is a line: a number, or the start of
// an answer's name; "q" stops. A closed input stops too. Either way it ends
// with the summary. After every answer, keep is called so the caller can
// save the session's progress.
func PlainQuiz(in io.Reader, out io.Writer, pack *content.Pack, s *quiz.Session, title string, width int, keep func(*quiz.Session)) error {
	if width <= 0 {
		width = 72
	}
	bank := pack.Quiz
	p := &plain{in: bufio.NewScanner(in), out: out, w: width}
	p.in.Buffer(make([]byte, 4096), 64*1024)
	p.para(fmt.Sprintf("Quiz: %s, %d %s. Answer with a number or the start of a name; q stops.", title, s.Len(), plural(s.Len(), "item", "items")))
	for !s.Done() && !p.stopped {
		sc := s.Current()
		p.printf("\n[%d/%d] %s\n", s.Index()+1, s.Len(), sceneMeta(sc))
		p.para(sc.Text)
		var cats []string
		for _, c := range bank.Categories {
			cats = append(cats, c.Label)
		}
		i, ok := p.ask(bank.Question(), cats, "")
		if !ok {
			break
		}
		res, err := s.Answer(bank.Categories[i].ID)
		if err != nil {
			return err
		}
		if res.Correct {
			p.printf("Right: %s.\n", res.Expected.Label)
		} else {
			p.printf("Not this time. You said %s; it is %s.\n", res.Chosen.Label, res.Expected.Label)
		}
		if res.AskSign {
			var signs []string
			for _, sg := range bank.Signs {
				signs = append(signs, sg.Label)
			}
			j, ok := p.ask(bank.SignQuestion()+" Any it shows counts.", signs, "?")
			if !ok {
				keep(s)
				break
			}
			sres, err := s.AnswerSign(bank.Signs[j].ID)
			if err != nil {
				return err
			}
			if sres.Correct {
				p.printf("Yes: %s. %s.\n", sres.Chosen.ID, sres.Chosen.Label)
			} else {
				p.printf("Not %s. %s.\n", sres.Chosen.ID, sres.Chosen.Label)
			}
		}
		var tags []string
		for _, t := range bank.SignsOf(sc) {
			tags = append(tags, t.ID+". "+t.Label)
		}
		p.printf("\n")
		if len(tags) > 0 {
			p.para("Shows: " + strings.Join(tags, "; ") + ".")
		}
		p.para(sc.Explanation)
		if sc.Paragraph != nil {
			ch := sc.Paragraph.Chapter
			p.para("The essay: “" + flatten(sc.Passage) + "”")
			p.para(fmt.Sprintf("(chapter %d, %s, paragraph %d; studyguide read %d)", ch.Number, ch.Title, sc.Paragraph.Index+1, ch.Number))
		}
		keep(s)
		s.Next()
	}
	keep(s)
	p.printf("\n")
	writePlainSummary(p, pack, s.Summary())
	return p.err
}

// plain is the line-by-line conversation.
type plain struct {
	in      *bufio.Scanner
	out     io.Writer
	w       int
	stopped bool
	err     error
}

func (p *plain) printf(format string, a ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.out, format, a...)
	}
}

// para prints text wrapped to the width.
func (p *plain) para(s string) {
	p.printf("%s\n", ansi.Wordwrap(flatten(s), p.w, ""))
}

// ask prints a question and its numbered choices and reads answers until
// one is valid. It returns false when the reader stops or input ends.
// listKey, when not empty, reprints the choices.
func (p *plain) ask(question string, choices []string, listKey string) (int, bool) {
	list := func() {
		for i, c := range choices {
			p.printf("  %d) %s\n", i+1, c)
		}
	}
	p.printf("\n%s\n", ansi.Wordwrap(question, p.w, ""))
	list()
	for {
		p.printf("> ")
		if !p.in.Scan() {
			p.printf("\n")
			p.stopped = true
			return 0, false
		}
		a := strings.TrimSpace(p.in.Text())
		switch {
		case a == "":
			continue
		case strings.EqualFold(a, "q") || strings.EqualFold(a, "quit"):
			p.stopped = true
			return 0, false
		case listKey != "" && a == listKey:
			list()
			continue
		}
		if n, err := strconv.Atoi(a); err == nil {
			if n == 0 && len(choices) == 10 { // as on the quiz screen: 0 is the tenth
				n = 10
			}
			if n >= 1 && n <= len(choices) {
				p.printf("%s\n", choices[n-1])
				return n - 1, true
			}
		}
		var matches []int
		for i, c := range choices {
			if strings.HasPrefix(strings.ToLower(c), strings.ToLower(a)) {
				matches = append(matches, i)
			}
		}
		switch len(matches) {
		case 1:
			p.printf("%s\n", choices[matches[0]])
			return matches[0], true
		case 0:
			p.printf("Answer with a number from 1 to %d%s, or the start of a name; q stops.\n", len(choices), tenth(len(choices)))
		default:
			names := make([]string, len(matches))
			for k, i := range matches {
				names[k] = choices[i]
			}
			p.printf("%s\n", ansi.Wordwrap(fmt.Sprintf("“%s” could be %s: type more of the name, or its number.", a, strings.Join(names, " or ")), p.w, ""))
		}
	}
}

// tenth says that 0 answers too where there are ten choices.
func tenth(n int) string {
	if n == 10 {
		return " (0 for 10)"
	}
	return ""
}

func writePlainSummary(p *plain, pack *content.Pack, sum quiz.Summary) {
	bank := pack.Quiz
	p.printf("%s\n", scoreLine(sum))
	if sum.Answered == 0 {
		return
	}
	p.printf("\nClassification:\n")
	for _, c := range sum.PerCategory {
		p.printf("  %s: %d of %d\n", c.Category.Label, c.Right, c.Asked)
	}
	first := true
	for _, s := range sum.PerSign {
		if s.Asked == 0 {
			continue
		}
		if first {
			p.printf("\nNaming the %s:\n", bank.SignsName())
			first = false
		}
		p.printf("  %s. %s: %d of %d%s\n", s.Sign.ID, s.Sign.Label, s.Right, s.Asked, percent(s.Right, s.Asked))
	}
	if len(sum.Missed) > 0 {
		p.printf("\nMissed (%d):\n", len(sum.Missed))
		for _, sc := range sum.Missed {
			p.printf("  - %s\n", truncate(flatten(sc.Text), max(10, p.w-4)))
		}
		p.printf("They come back first in `studyguide quiz --review`.\n")
	}
	if len(sum.ChaptersToReread) > 0 {
		p.printf("\nChapters to reread:\n")
		for _, n := range sum.ChaptersToReread {
			if n >= 1 && n <= len(pack.Chapters) {
				p.printf("  %d. %s\n", n, pack.Chapters[n-1].Title)
			}
		}
	}
}

// sceneMeta is a scenario's setting, viewpoint and difficulty.
func sceneMeta(sc *content.Scenario) string {
	var meta []string
	if sc.Setting != "" {
		meta = append(meta, sc.Setting)
	}
	if sc.Viewpoint != "" {
		meta = append(meta, sc.Viewpoint+" view")
	}
	if sc.Difficulty != "" {
		meta = append(meta, sc.Difficulty)
	}
	return strings.Join(meta, " · ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

package content

import (
	"fmt"
	"strconv"
	"strings"
)

// FindChapter resolves what a user typed on the command line: a chapter
// number ("3"), its slug ("institutional-isomorphism") or the start of a
// slug ("inst"). The error lists the valid choices.
func (p *Pack) FindChapter(arg string) (*Chapter, error) {
	arg = strings.ToLower(strings.TrimSpace(arg))
	if n, err := strconv.Atoi(arg); err == nil {
		if n >= 1 && n <= len(p.Chapters) {
			return p.Chapters[n-1], nil
		}
		return nil, p.chapterError(arg)
	}
	var found []*Chapter
	for _, c := range p.Chapters {
		if c.Slug == arg {
			return c, nil
		}
		if arg != "" && strings.HasPrefix(c.Slug, arg) {
			found = append(found, c)
		}
	}
	if len(found) == 1 {
		return found[0], nil
	}
	return nil, p.chapterError(arg)
}

func (p *Pack) chapterError(arg string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "no chapter %q; choose one of:", arg)
	for _, c := range p.Chapters {
		fmt.Fprintf(&b, "\n  %d  %s  (%s)", c.Number, c.Slug, c.Title)
	}
	return fmt.Errorf("%s", b.String())
}

package tui

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
	gansi "charm.land/glamour/v2/ansi"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"studyguide/content"
)

// renderKey identifies one rendering of a chapter. Glamour is pure, so the
// same key always gives the same lines.
type renderKey struct {
	chapter int // index into pack.Chapters
	width   int // wrap width in cells
	style   string
}

// rendered is a chapter as lines on screen, with where each paragraph starts
// and where the glossary terms are.
type rendered struct {
	key      renderKey
	lines    []string // styled, each at most key.width cells wide
	plain    []string // the same lines without styling
	paraLine []int    // first line of each of the chapter's paragraphs
	flat     *flatText
	terms    []termMark // glossary terms in reading order
	marked   []string   // lines with the terms marked
}

// termMark is one occurrence of a glossary term on screen.
type termMark struct {
	term  *content.Term
	spans []span
}

// renderStyle is everything a rendering depends on besides the chapter and
// the width; renderKey.style names it.
type renderStyle struct {
	glamour  gansi.StyleConfig
	term     lipgloss.Style
	glossary *content.Glossary
}

// renderedMsg carries a finished rendering back to the program.
type renderedMsg struct {
	r   *rendered
	err error
}

// renderCache keeps renderings so that going back to a chapter, or back to a
// width, costs nothing. It only grows with distinct widths, and is trimmed.
type renderCache struct {
	done    map[renderKey]*rendered
	pending map[renderKey]bool
	// calm is when renderings that nothing on screen waits for (see later)
	// may start: after the first frame has been written.
	calm time.Time
	// early are renderings started before the program (see Prepare).
	early map[renderKey]chan renderedMsg
}

const maxCachedRenders = 48

// firstFrameTime is how long after the program starts its first frame has
// surely been written: Bubble Tea writes a frame at most 1/60 s after it is
// ready, and the first screen is ready within a few milliseconds.
const firstFrameTime = 60 * time.Millisecond

func newRenderCache() *renderCache {
	return &renderCache{done: map[renderKey]*rendered{}, pending: map[renderKey]bool{},
		calm: time.Now().Add(firstFrameTime)}
}

// get returns a cached rendering, or nil and a command that makes one (nil
// when one is already being made).
func (rc *renderCache) get(pack *content.Pack, key renderKey, rs renderStyle) (*rendered, tea.Cmd) {
	if r, ok := rc.done[key]; ok {
		return r, nil
	}
	if rc.pending[key] {
		return nil, nil
	}
	rc.pending[key] = true
	if early, ok := rc.early[key]; ok {
		delete(rc.early, key)
		return nil, func() tea.Msg { return <-early }
	}
	ch := pack.Chapters[key.chapter]
	return nil, func() tea.Msg {
		r, err := renderChapter(ch, key, rs)
		return renderedMsg{r: r, err: err}
	}
}

// Prepare starts making the rendering the reader's first screen needs on a
// terminal width columns wide, before the program starts, so that it is
// under way while Bubble Tea sets the terminal up; the reader takes it when
// the terminal gives its size. Call it at most once, before Program.Run.
func (m Model) Prepare(width int) {
	if m.screen != screenReader || width <= 0 {
		return
	}
	key := m.reader.wantKey()
	key.width = max(0, min(maxReadWidth, width)) // as c.readWidth() will be
	rc, rs, ch := m.c.renders, m.c.renderStyle(), m.c.pack.Chapters[key.chapter]
	if _, ok := rc.early[key]; ok {
		return
	}
	done := make(chan renderedMsg, 1)
	if rc.early == nil {
		rc.early = map[renderKey]chan renderedMsg{}
	}
	rc.early[key] = done
	go func() {
		r, err := renderChapter(ch, key, rs)
		done <- renderedMsg{r: r, err: err}
	}()
}

// later is get for a rendering that nothing on screen waits for (the next
// chapter, the reader behind another screen): it starts once the first frame
// has been written, so it never competes with it for the machine.
func (rc *renderCache) later(pack *content.Pack, key renderKey, rs renderStyle) (*rendered, tea.Cmd) {
	if r, ok := rc.done[key]; ok {
		return r, nil
	}
	if rc.pending[key] {
		return nil, nil
	}
	rc.pending[key] = true
	ch, calm := pack.Chapters[key.chapter], rc.calm
	return nil, func() tea.Msg {
		time.Sleep(time.Until(calm))
		r, err := renderChapter(ch, key, rs)
		return renderedMsg{r: r, err: err}
	}
}

// store keeps a finished rendering, dropping others when the cache is full
// (other widths first: after a resize they are unlikely to come back).
func (rc *renderCache) store(r *rendered) {
	delete(rc.pending, r.key)
	if len(rc.done) >= maxCachedRenders {
		for k := range rc.done {
			if k.width != r.key.width || len(rc.done) >= 2*maxCachedRenders {
				delete(rc.done, k)
			}
		}
	}
	rc.done[r.key] = r
}

// minWrap is the narrowest width we ask Glamour for; narrower screens get
// this rendering cut at the edge rather than a broken one.
const minWrap = 12

// renderChapter turns a chapter into screen lines. It runs in a tea.Cmd:
// never in View or Update.
func renderChapter(ch *content.Chapter, key renderKey, rs renderStyle) (*rendered, error) {
	cfg := rs.glamour
	width := max(key.width, minWrap)
	if width < 40 {
		m := uint(1)
		cfg.Document.Margin = &m
	}
	tr, err := glamour.NewTermRenderer(glamour.WithStyles(cfg), glamour.WithWordWrap(width))
	if err != nil {
		return nil, err
	}
	out, err := tr.Render(ch.Markdown)
	if err != nil {
		return nil, err
	}
	out = inertLinks(out)
	lines := strings.Split(strings.TrimRight(out, "\n "), "\n")
	r := &rendered{key: key, lines: lines, plain: make([]string, len(lines))}
	for i, l := range lines {
		if ansi.StringWidth(l) > key.width {
			l = ansi.Truncate(l, key.width, "")
			lines[i] = l
		}
		r.plain[i] = ansi.Strip(l)
	}
	r.paraLine = locateParagraphs(ch.Paragraphs(), r.plain)
	spaceListItems(r, ch.Paragraphs())
	r.flat = newFlatText(r.plain)
	r.terms = firstInSection(findTerms(r.flat, rs.glossary, ch), ch.Paragraphs(), r.paraLine)
	var all []span
	for _, t := range r.terms {
		all = append(all, t.spans...)
	}
	r.marked = decorate(r.lines, all, rs.term)
	return r, nil
}

// hyperlinkRE matches an OSC 8 hyperlink sequence, which Glamour wraps
// around links.
var hyperlinkRE = regexp.MustCompile(`\x1b\]8;[^\x07\x1b]*(?:\x07|\x1b\\)`)

// inertLinks removes OSC 8 hyperlinks from rendered text: a pack's links
// are shown (text and address), never made clickable, followed or fetched.
func inertLinks(s string) string {
	if !strings.Contains(s, "\x1b]8;") {
		return s
	}
	return hyperlinkRE.ReplaceAllString(s, "")
}

// findTerms finds every glossary term in a rendering, as whole words; where
// two overlap ("mass organization" inside "mass organizations") the longer
// one wins. Only terms the glossary found in the chapter are looked for.
func findTerms(ft *flatText, g *content.Glossary, ch *content.Chapter) []termMark {
	var out []termMark
	for _, m := range g.Match(ft.runes, func(t *content.Term) bool { return occursIn(t, ch) }) {
		out = append(out, termMark{term: m.Term, spans: ft.spans(m.Start, m.End)})
	}
	return out
}

func occursIn(t *content.Term, ch *content.Chapter) bool {
	for _, p := range t.Occurrences {
		if p.Chapter == ch {
			return true
		}
	}
	return false
}

// firstInSection keeps the first mark of each term in each section. In an
// essay about NGOs, "NGO" on every other line would bury the text under
// underlines; once per section keeps every term in reach of Tab wherever the
// reader is, and the page readable.
func firstInSection(marks []termMark, paras []*content.Paragraph, paraLine []int) []termMark {
	type key struct {
		t *content.Term
		s *content.Section
	}
	seen := map[key]bool{}
	out := marks[:0]
	p := 0
	for _, m := range marks {
		line := m.spans[0].line
		for p+1 < len(paraLine) && paraLine[p+1] <= line {
			p++
		}
		var sec *content.Section
		if p < len(paras) {
			sec = paras[p].Section
		}
		if k := (key{m.term, sec}); !seen[k] {
			seen[k] = true
			out = append(out, m)
		}
	}
	return out
}

// spaceListItems puts a blank line between the items of a numbered list.
// Glamour sets items edge to edge with no hanging indent, which makes long
// items such as the ten warning signs hard to tell apart.
func spaceListItems(r *rendered, paras []*content.Paragraph) {
	var at []int // original line before which a blank line goes
	for i, p := range paras {
		if i > 0 && p.Kind == content.ListItem && p.Number > 1 {
			at = append(at, r.paraLine[i])
		}
	}
	if len(at) == 0 {
		return
	}
	lines := make([]string, 0, len(r.lines)+len(at))
	plain := make([]string, 0, len(r.lines)+len(at))
	k := 0
	for l := range r.lines {
		if k < len(at) && at[k] == l {
			lines, plain = append(lines, ""), append(plain, "")
			k++
		}
		lines, plain = append(lines, r.lines[l]), append(plain, r.plain[l])
	}
	for i, l := range r.paraLine {
		shift := 0
		for _, a := range at {
			if a <= l {
				shift++
			}
		}
		r.paraLine[i] = l + shift
	}
	r.lines, r.plain = lines, plain
}

// locateParagraphs finds the first screen line of each paragraph by matching
// its opening words, in order. A paragraph (other than a list item) starts
// after a line with no words on it, which keeps a wrapped line that happens
// to begin with the same words from matching.
func locateParagraphs(paras []*content.Paragraph, plain []string) []int {
	at := make([]int, len(paras))
	line := 0
	for i, p := range paras {
		key := openingWords(p)
		found := -1
		for l := line; l < len(plain) && found < 0; l++ {
			if !startsWith(words(plain[l]), key) {
				continue
			}
			listy := p.Kind == content.ListItem || p.Kind == content.SubItem
			if listy || l == 0 || len(words(plain[l-1])) == 0 {
				found = l
			}
		}
		if found < 0 { // should not happen; keep order and move on
			found = min(line, max(len(plain)-1, 0))
		}
		at[i] = found
		line = found + 1
	}
	return at
}

func openingWords(p *content.Paragraph) []string {
	w := words(p.Text)
	if p.Kind == content.ListItem && p.Number > 0 {
		w = append([]string{strconv.Itoa(p.Number)}, w...)
	}
	return w[:min(len(w), 3)]
}

// words splits text into lower-case runs of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// startsWith reports whether a line's words begin like a paragraph's
// opening words. On very narrow screens a long word is broken across lines,
// so the line's last word may be only the start of the paragraph's word.
func startsWith(line, opening []string) bool {
	k := min(len(line), len(opening))
	if k == 0 || !equalWords(line[:k-1], opening[:k-1]) {
		return false
	}
	last, want := line[k-1], opening[k-1]
	return last == want || k == len(line) && len(last) >= 3 && strings.HasPrefix(want, last)
}

func equalWords(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

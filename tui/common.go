package tui

import (
	"slices"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"studyguide/content"
	"studyguide/progress"
)

// common is what every screen shares: the pack, the styles for the current
// theme, the keys, the terminal size, the render cache and the reader's
// progress. Screens hold a pointer to the one instance the root owns, so a
// theme change or a finished render is seen by all of them.
type common struct {
	pack     *content.Pack
	styles   *Styles
	keys     KeyMap
	width    int
	height   int
	theme    Theme
	noColor  bool
	renders  *renderCache
	progress *progress.State
	store    *progress.Store // nil: nothing is saved
	profile  string
	// projector is the presenter's high-contrast theme.
	projector bool
	// tick schedules the presenter's timer ticks (tea.Tick; tests drive the
	// timer with messages instead).
	tick func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
	// exportDir is where x writes the notes: the current directory ("").
	exportDir string
	// termDark is the terminal's own background as it answered (nil: no
	// answer yet, or never, as in tmux); toggled says t changed the theme.
	termDark *bool
	toggled  bool
}

// paint says whether the program must paint the page's background and
// text colours itself: when its theme may not be the terminal's (chosen
// with --theme or t, or saved from an earlier t), since light-theme text on
// a black terminal, or dark on white, is unreadable. Never with NO_COLOR.
func (c *common) paint() bool {
	switch {
	case c.noColor:
		return false
	case c.termDark != nil:
		return *c.termDark != c.styles.IsDark
	}
	return c.theme != ThemeAuto || c.toggled
}

// maxReadWidth is the reading column on wide terminals: about 80 cells, the
// width at which prose is comfortable, centred on the screen.
const maxReadWidth = 80

// readWidth is the width of the reading column for the current terminal.
func (c *common) readWidth() int { return max(0, min(maxReadWidth, c.width)) }

// setDark rebuilds the styles for a dark or light background.
func (c *common) setDark(isDark bool) {
	if c.projector {
		c.styles = NewProjectorStyles(isDark, c.noColor)
		return
	}
	c.styles = NewStyles(isDark, c.noColor)
}

// renderStyle is what chapter renderings depend on besides the chapter and
// width, for the current theme.
func (c *common) renderStyle() renderStyle {
	return renderStyle{glamour: c.styles.Glamour, term: c.styles.Term, glossary: c.pack.Glossary}
}

// shortHelp is the one-line help of some keys, fitted to a width as
// bubbles' help fits it, but keeping "? more" (and a quit key) at the end
// whatever is left out: the keys that fit in their order, whole, and ?
// for the rest, never an ellipsis where a key should be.
func (c *common) shortHelp(width int, keys []key.Binding) string {
	essential := func(b key.Binding) bool { return b.Help() == c.keys.Help.Help() || b.Help() == c.keys.Home.Quit.Help() }
	var must []key.Binding
	for _, b := range keys {
		if essential(b) {
			if b.Help() == c.keys.Help.Help() {
				b.SetHelp(b.Help().Key, "more")
			}
			must = append(must, b)
		}
	}
	wide := c.help(1 << 16)
	var kept []key.Binding
	for _, b := range keys {
		if essential(b) || !b.Enabled() {
			continue
		}
		try := append(append(slices.Clone(kept), b), must...)
		if ansi.StringWidth(wide.ShortHelpView(try)) <= width {
			kept = append(kept, b)
		}
	}
	return truncate(wide.ShortHelpView(append(kept, must...)), width)
}

// help is a help view styled for the current theme, at a width.
func (c *common) help(width int) help.Model {
	h := help.New()
	h.Styles = c.styles.Help
	h.SetWidth(width)
	return h
}

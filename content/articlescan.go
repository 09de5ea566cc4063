package content

import (
	"fmt"
	"strings"
)

// articleShape measures an article before the markdown parser sees it and
// reports what would make parsing it slow or large: lines opening with more
// than MaxNesting quote or list markers, lines indented more than MaxIndent
// columns (nested lists), and more than MaxBrackets "[" or MaxEmphasis
// emphasis characters in all. Two megabytes of "[" take the parser a
// second and half a gigabyte; a paragraph of "[a](" repeated, seconds.
func articleShape(file string, raw []byte) Problems {
	var probs Problems
	deep, wide := false, false
	for i, line := range strings.Split(string(raw), "\n") {
		indent, depth := lineNesting(line)
		if indent > MaxIndent && !wide {
			wide = true
			probs = append(probs, Problem{File: file, Line: i + 1,
				Msg: fmt.Sprintf("is indented %d columns; indent article lines by at most %d", indent, MaxIndent)})
		}
		if depth > MaxNesting && !deep {
			deep = true
			probs = append(probs, Problem{File: file, Line: i + 1,
				Msg: fmt.Sprintf("opens %d quotes or lists inside each other; at most %d are allowed", depth, MaxNesting)})
		}
	}
	count := func(chars string) int {
		n := 0
		for _, b := range raw {
			if strings.IndexByte(chars, b) >= 0 {
				n++
			}
		}
		return n
	}
	if n := count("["); n > MaxBrackets {
		probs = append(probs, Problem{File: file, Msg: fmt.Sprintf(`has %d "[" (links, images, brackets); at most %d are allowed`, n, MaxBrackets)})
	}
	if n := count("*_`~"); n > MaxEmphasis {
		probs = append(probs, Problem{File: file, Msg: fmt.Sprintf("has %d emphasis and code marks (*, _, `, ~); at most %d are allowed", n, MaxEmphasis)})
	}
	return probs
}

// lineNesting is a line's indentation in columns (a tab goes to the next
// multiple of four) and how many quote (">") and list ("-", "*", "+",
// "1.", "1)") markers it opens with.
func lineNesting(line string) (indent, depth int) {
	i := 0
	for ; i < len(line) && (line[i] == ' ' || line[i] == '\t'); i++ {
		if line[i] == '\t' {
			indent += 4 - indent%4
		} else {
			indent++
		}
	}
	for i < len(line) {
		j := markerEnd(line, i)
		if j == i {
			break
		}
		depth++
		for i = j; i < len(line) && (line[i] == ' ' || line[i] == '\t'); i++ {
		}
	}
	return indent, depth
}

// markerEnd is the end of a quote or list marker starting at line[i], or i
// when there is none.
func markerEnd(line string, i int) int {
	switch c := line[i]; {
	case c == '>':
		return i + 1
	case c == '-' || c == '*' || c == '+':
		if i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t' {
			return i + 1
		}
	case c >= '0' && c <= '9':
		j := i
		for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
			j++
		}
		if j < len(line) && (line[j] == '.' || line[j] == ')') && (j+1 == len(line) || line[j+1] == ' ' || line[j+1] == '\t') {
			return j + 1
		}
	}
	return i
}

//go:build !linux

package perceptron

// hugePages is a no-op outside Linux.
func hugePages[T any](s []T) {}

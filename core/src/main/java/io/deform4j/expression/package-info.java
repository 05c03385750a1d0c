/**
 * Arithmetic expressions over any number type: a parser ({@link io.deform4j.expression.ExpressionParser}),
 * a tree ({@link io.deform4j.expression.Expr}), checked double arithmetic that never yields NaN,
 * and second-order forward-mode automatic differentiation: {@link io.deform4j.expression.Jet} in one
 * variable (the derivatives of a mapping δ), {@link io.deform4j.expression.Jet2} in two (the
 * gradient and Hessian of a simulation surface), both composing the one table of elementary
 * functions and their derivatives, {@code Elementary}.
 * User-defined mappings and user-defined simulation surfaces are written in it.
 */
package io.deform4j.expression;

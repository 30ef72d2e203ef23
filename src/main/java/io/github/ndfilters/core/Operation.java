package io.github.ndfilters.core;

/**
 * The two linear filters. With {@code c} the kernel centre:
 *
 * <pre>
 * CORRELATE:  out[i] = sum over k of w[k] * in[i + k - c]
 * CONVOLVE:   out[i] = sum over k of w[k] * in[i - k + c]
 * </pre>
 *
 * In both, {@code w[c]} lies over the output pixel, for odd and even kernel
 * sizes alike.
 */
public enum Operation
{
	CORRELATE( "correlate" ),
	CONVOLVE( "convolve" );

	private final String token;

	Operation( final String token )
	{
		this.token = token;
	}

	public String token()
	{
		return token;
	}

	/**
	 * @return the kernel that, correlated with the input, gives this operation
	 */
	public Kernel asCorrelation( final Kernel kernel )
	{
		return this == CORRELATE ? kernel : kernel.reflected();
	}
}

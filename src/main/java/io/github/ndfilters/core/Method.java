package io.github.ndfilters.core;

/**
 * How a filter computes its sums. Every method gives the same result within
 * the precision the filter promises; they differ only in speed. {@code AUTO}
 * picks the fastest for the kernel and image at hand.
 */
public enum Method
{
	/** Picks one of the others from a cost model of the kernel and the image. */
	AUTO( "auto" ),
	/** Sums every tap; any kernel, NaN spreads over exactly the windows covering it. */
	DIRECT( "direct" ),
	/**
	 * One 1-D pass per axis, for kernels that are an outer product of lines
	 * (Gaussian, box, Sobel); other kernels are computed directly.
	 */
	SEPARABLE( "separable" ),
	/**
	 * Tiles multiplied in the Fourier domain (float transforms, within the
	 * same precision promise); fastest for large kernels. Inputs holding NaN
	 * or infinities are computed directly.
	 */
	FFT( "fft" );

	private final String token;

	Method( final String token )
	{
		this.token = token;
	}

	public String token()
	{
		return token;
	}

	public static Method fromToken( final String token )
	{
		return Tokens.parse( values(), Method::token, token, "method" );
	}
}

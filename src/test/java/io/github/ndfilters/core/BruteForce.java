package io.github.ndfilters.core;

/**
 * The reference the tests hold every method to: the formulas of the
 * specification evaluated one output pixel at a time, in {@code double}, with
 * its own edge handling (reflection by repeated stepping, not by modular
 * arithmetic) so it shares no logic with the code under test.
 *
 * <pre>
 * correlate:  out[i] = sum over k of w[k] * in[i + k - c]
 * convolve:   out[i] = sum over k of w[k] * in[i - k + c]
 * </pre>
 */
public final class BruteForce
{
	/** A result: values x fastest, and the position of the first one. */
	public static final class Result
	{
		public final long[] min;

		public final long[] dims;

		public final double[] values;

		Result( final long[] min, final long[] dims, final double[] values )
		{
			this.min = min;
			this.dims = dims;
			this.values = values;
		}
	}

	private BruteForce()
	{}

	/**
	 * @param input
	 *            samples x fastest, the first at position 0 on every axis
	 * @param dims
	 *            the input's size per axis
	 * @param weights
	 *            the kernel x fastest, with as many axes as the input
	 * @param kernelDims
	 *            the kernel's size per axis
	 * @param centre
	 *            the kernel's centre per axis
	 * @param modes
	 *            the boundary mode per axis
	 * @param value
	 *            the value beyond the edge for {@code CONSTANT}
	 * @param convolve
	 *            {@code true} for convolution, {@code false} for correlation
	 * @param size
	 *            which output positions to compute
	 */
	public static Result filter( final double[] input, final long[] dims, final double[] weights,
			final int[] kernelDims, final int[] centre, final Boundary[] modes, final double value,
			final boolean convolve, final OutputSize size )
	{
		final int n = dims.length;
		final long[] min = new long[ n ];
		final long[] outDims = new long[ n ];
		for ( int d = 0; d < n; d++ )
		{
			final long len = dims[ d ], taps = kernelDims[ d ], c = centre[ d ];
			long lo = 0, hi = len - 1;
			if ( size == OutputSize.FULL )
			{
				lo = convolve ? -c : -( taps - 1 - c );
				hi = convolve ? len - 1 + taps - 1 - c : len - 1 + c;
			}
			else if ( size == OutputSize.VALID )
			{
				lo = convolve ? taps - 1 - c : c;
				hi = convolve ? len - 1 - c : len - taps + c;
			}
			min[ d ] = lo;
			outDims[ d ] = hi - lo + 1;
		}
		int count = 1;
		for ( final long d : outDims )
			count *= ( int ) d;
		final double[] out = new double[ count ];
		final long[] i = new long[ n ];
		final int[] k = new int[ n ];
		final long[] p = new long[ n ];
		for ( int o = 0; o < count; o++ )
		{
			long rest = o;
			for ( int d = 0; d < n; d++ )
			{
				i[ d ] = min[ d ] + rest % outDims[ d ];
				rest /= outDims[ d ];
			}
			double sum = 0;
			for ( int t = 0; t < weights.length; t++ )
			{
				int r = t;
				for ( int d = 0; d < n; d++ )
				{
					k[ d ] = r % kernelDims[ d ];
					r /= kernelDims[ d ];
				}
				for ( int d = 0; d < n; d++ )
					p[ d ] = convolve ? i[ d ] - k[ d ] + centre[ d ]
							: i[ d ] + k[ d ] - centre[ d ];
				sum += weights[ t ] * sample( input, dims, p, modes, value );
			}
			out[ o ] = sum;
		}
		return new Result( min, outDims, out );
	}

	/**
	 * One output of a correlation with the kernel centred at size / 2 and the
	 * same boundary mode on every axis, and that output's own scale.
	 *
	 * @return the sum of weight x sample, and the sum of |weight| x |sample|
	 */
	public static double[] correlateAt( final double[] input, final long[] dims,
			final double[] weights, final int[] kernelDims, final long[] at, final Boundary mode )
	{
		final int n = dims.length;
		final Boundary[] modes = new Boundary[ n ];
		java.util.Arrays.fill( modes, mode );
		final long[] p = new long[ n ];
		double sum = 0, magnitude = 0;
		for ( int t = 0; t < weights.length; t++ )
		{
			int r = t;
			for ( int d = 0; d < n; d++ )
			{
				p[ d ] = at[ d ] + r % kernelDims[ d ] - kernelDims[ d ] / 2;
				r /= kernelDims[ d ];
			}
			final double x = sample( input, dims, p, modes, 0 );
			sum += weights[ t ] * x;
			magnitude += Math.abs( weights[ t ] * x );
		}
		return new double[] { sum, magnitude };
	}

	/** @return the index, x fastest, of a position in an image of size {@code dims} */
	public static int index( final long[] at, final long[] dims )
	{
		long index = 0, stride = 1;
		for ( int d = 0; d < dims.length; d++ )
		{
			index += at[ d ] * stride;
			stride *= dims[ d ];
		}
		return ( int ) index;
	}

	private static double sample( final double[] input, final long[] dims, final long[] p,
			final Boundary[] modes, final double value )
	{
		long index = 0, stride = 1;
		boolean beyond = false;
		Boundary beyondMode = null;
		for ( int d = 0; d < dims.length; d++ )
		{
			final long q = fold( p[ d ], dims[ d ], modes[ d ] );
			if ( q < 0 )
			{
				if ( !beyond )
					beyondMode = modes[ d ];
				beyond = true;
			}
			else
				index += q * stride;
			stride *= dims[ d ];
		}
		if ( beyond )
			return beyondMode == Boundary.ZERO ? 0 : value;
		return input[ ( int ) index ];
	}

	/** Steps a position back onto {@code [0, n)}; -1 where a constant applies. */
	static long fold( long p, final long n, final Boundary mode )
	{
		switch ( mode )
		{
		case ZERO:
		case CONSTANT:
			return p >= 0 && p < n ? p : -1;
		case REPLICATE:
			return Math.max( 0, Math.min( n - 1, p ) );
		case PERIODIC:
			while ( p < 0 )
				p += n;
			while ( p >= n )
				p -= n;
			return p;
		case SYMMETRIC:
			while ( p < 0 || p >= n )
				p = p < 0 ? -p - 1 : 2 * n - 1 - p;
			return p;
		case MIRROR:
			if ( n == 1 )
				return 0;
			while ( p < 0 || p >= n )
				p = p < 0 ? -p : 2 * n - 2 - p;
			return p;
		default:
			throw new AssertionError( mode );
		}
	}
}

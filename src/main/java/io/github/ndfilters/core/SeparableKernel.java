package io.github.ndfilters.core;

/**
 * A kernel that is the outer product of one line per axis (rank 1), such as
 * a Gaussian, a box or a Sobel kernel, split into those lines.
 * <p>
 * The test is exact up to a relative tolerance of {@value #TOLERANCE} of the
 * largest weight: the split kernel's products may differ from the given
 * weights by that much, which is far inside the filters' precision promise.
 * </p>
 */
final class SeparableKernel
{
	static final double TOLERANCE = 1e-12;

	/**
	 * One kernel per axis, each of size 1 on every other axis and with the
	 * original centre; correlating with them in turn correlates with the
	 * whole kernel.
	 */
	final Kernel[] factors;

	private SeparableKernel( final Kernel[] factors )
	{
		this.factors = factors;
	}

	/** @return the split, or {@code null} if the kernel is not an outer product */
	static SeparableKernel of( final Kernel kernel )
	{
		final int n = kernel.numDimensions();
		final int[] dims = kernel.dimensions();
		int peak = 0;
		for ( int i = 1; i < kernel.size(); i++ )
			if ( Math.abs( kernel.weight( i ) ) > Math.abs( kernel.weight( peak ) ) )
				peak = i;
		final double top = kernel.weight( peak );
		if ( top == 0 )
			return null; // NB: an all-zero kernel is left to the direct path.
		final int[] at = position( peak, dims );
		final int[] strides = strides( dims );

		// The line through the peak along each axis; all but the first divided by the peak.
		final double[][] lines = new double[ n ][];
		for ( int d = 0; d < n; d++ )
		{
			lines[ d ] = new double[ dims[ d ] ];
			final int start = peak - at[ d ] * strides[ d ];
			for ( int i = 0; i < dims[ d ]; i++ )
				lines[ d ][ i ] = kernel.weight( start + i * strides[ d ] ) / ( d == 0 ? 1 : top );
		}
		final int[] k = new int[ n ];
		for ( int i = 0; i < kernel.size(); i++ )
		{
			double product = 1;
			for ( int d = 0; d < n; d++ )
				product *= lines[ d ][ k[ d ] ];
			if ( Math.abs( product - kernel.weight( i ) ) > TOLERANCE * Math.abs( top ) )
				return null;
			for ( int d = 0; d < n; d++ )
			{
				if ( ++k[ d ] < dims[ d ] )
					break;
				k[ d ] = 0;
			}
		}
		final Kernel[] factors = new Kernel[ n ];
		for ( int d = 0; d < n; d++ )
		{
			final int[] lineDims = new int[ n ];
			final int[] centre = new int[ n ];
			java.util.Arrays.fill( lineDims, 1 );
			lineDims[ d ] = dims[ d ];
			centre[ d ] = kernel.centre( d );
			factors[ d ] = Kernel.of( lines[ d ], lineDims ).withCentre( centre );
		}
		return new SeparableKernel( factors );
	}

	private static int[] position( final int index, final int[] dims )
	{
		final int[] p = new int[ dims.length ];
		int rest = index;
		for ( int d = 0; d < dims.length; d++ )
		{
			p[ d ] = rest % dims[ d ];
			rest /= dims[ d ];
		}
		return p;
	}

	private static int[] strides( final int[] dims )
	{
		final int[] s = new int[ dims.length ];
		int stride = 1;
		for ( int d = 0; d < dims.length; d++ )
		{
			s[ d ] = stride;
			stride *= dims[ d ];
		}
		return s;
	}
}

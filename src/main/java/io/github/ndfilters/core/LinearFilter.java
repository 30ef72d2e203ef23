package io.github.ndfilters.core;

import net.imglib2.Interval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Util;
import net.imglib2.view.Views;

/**
 * Correlation or convolution of an n-D image with an n-D kernel, exactly as
 * {@link Operation} defines them. Immutable: each {@code with...} method
 * returns a new filter, so one filter can be shared between threads.
 *
 * <pre>
 * RandomAccessibleInterval&lt;FloatType&gt; smooth = LinearFilter
 * 		.convolve( Kernel.of( weights, 5, 5 ) )
 * 		.boundary( Boundary.MIRROR )
 * 		.apply( image );
 * </pre>
 *
 * Results of {@link OutputSize#FULL} and {@link OutputSize#VALID} keep the
 * input's coordinates: their min is where the result lies over the input. For
 * block-wise work, {@link #applyTo} fills any target interval.
 */
public final class LinearFilter
{
	private final Operation operation;

	private final Kernel kernel;

	private final BoundaryConditions boundary;

	private final OutputSize outputSize;

	private final boolean normalize;

	private final Method method;

	private final FilterMonitor monitor;

	private LinearFilter( final Operation operation, final Kernel kernel,
			final BoundaryConditions boundary, final OutputSize outputSize,
			final boolean normalize, final Method method, final FilterMonitor monitor )
	{
		this.operation = operation;
		this.kernel = kernel;
		this.boundary = boundary;
		this.outputSize = outputSize;
		this.normalize = normalize;
		this.method = method;
		this.monitor = monitor;
	}

	/**
	 * A filter with {@link Boundary#SYMMETRIC} edges, output size
	 * {@link OutputSize#SAME}, no normalisation and {@link Method#AUTO}.
	 */
	public static LinearFilter of( final Operation operation, final Kernel kernel )
	{
		if ( operation == null || kernel == null )
			throw new IllegalArgumentException( "Give an operation and a kernel." );
		return new LinearFilter( operation, kernel, BoundaryConditions.of( Boundary.SYMMETRIC ),
				OutputSize.SAME, false, Method.AUTO, FilterMonitor.NONE );
	}

	public static LinearFilter correlate( final Kernel kernel )
	{
		return of( Operation.CORRELATE, kernel );
	}

	public static LinearFilter convolve( final Kernel kernel )
	{
		return of( Operation.CONVOLVE, kernel );
	}

	public LinearFilter boundary( final Boundary mode )
	{
		return boundary( BoundaryConditions.of( mode ) );
	}

	/** {@link Boundary#CONSTANT} edges with the given value. */
	public LinearFilter boundary( final double value )
	{
		return boundary( BoundaryConditions.constant( value ) );
	}

	public LinearFilter boundary( final BoundaryConditions conditions )
	{
		return new LinearFilter( operation, kernel, conditions, outputSize, normalize, method,
				monitor );
	}

	public LinearFilter outputSize( final OutputSize size )
	{
		return new LinearFilter( operation, kernel, boundary, size, normalize, method, monitor );
	}

	/**
	 * @param normalize
	 *            whether to divide the kernel by its sum; a kernel summing to
	 *            zero is used as it is, and the monitor is warned
	 */
	public LinearFilter normalize( final boolean normalize )
	{
		return new LinearFilter( operation, kernel, boundary, outputSize, normalize, method,
				monitor );
	}

	/**
	 * @param m
	 *            how to compute; {@link Method#AUTO} (the default) lets a cost
	 *            model choose, any other value forces that method
	 */
	public LinearFilter method( final Method m )
	{
		if ( m == null )
			throw new IllegalArgumentException( "Give a method, e.g. Method.AUTO." );
		return new LinearFilter( operation, kernel, boundary, outputSize, normalize, m, monitor );
	}

	public LinearFilter monitor( final FilterMonitor m )
	{
		return new LinearFilter( operation, kernel, boundary, outputSize, normalize, method,
				m == null ? FilterMonitor.NONE : m );
	}

	public Operation operation()
	{
		return operation;
	}

	public Kernel kernel()
	{
		return kernel;
	}

	/**
	 * @return the interval of the result for a source with this interval
	 * @throws IllegalArgumentException
	 *             if the kernel has more axes than the source, or a
	 *             {@code VALID} result would be empty
	 */
	public Interval outputInterval( final Interval source )
	{
		return outputSize.outputInterval( source, correlationKernel( source.numDimensions() ) );
	}

	/** @return the result as 32-bit floats */
	public RandomAccessibleInterval< FloatType > apply(
			final RandomAccessibleInterval< ? extends RealType< ? > > source )
	{
		return applyAs( source, new FloatType() );
	}

	/** @return the result as 64-bit floats */
	public RandomAccessibleInterval< DoubleType > applyAsDouble(
			final RandomAccessibleInterval< ? extends RealType< ? > > source )
	{
		return applyAs( source, new DoubleType() );
	}

	/** @return the result in the source's own pixel type, rounded and saturated */
	public < T extends NativeType< T > & RealType< T > > RandomAccessibleInterval< T >
			applyKeepingType( final RandomAccessibleInterval< T > source )
	{
		return applyAs( source, source.getType().createVariable() );
	}

	/**
	 * @return the result in the given pixel type; integer types are rounded
	 *         half away from zero and saturated
	 */
	public < T extends NativeType< T > & RealType< T > > RandomAccessibleInterval< T > applyAs(
			final RandomAccessibleInterval< ? extends RealType< ? > > source, final T type )
	{
		final Interval interval = outputInterval( source );
		final Img< T > img = Util.getSuitableImgFactory( interval, type ).create( interval );
		// NB: the engines write into the image itself, not the translated view, so a
		// float or double array image is filled straight through its array.
		run( source, img, interval.minAsLongArray() );
		return Views.translate( img, interval.minAsLongArray() );
	}

	/**
	 * Computes the result at every position of {@code target}'s interval,
	 * which may be any part of (or beyond) the output interval, so a large
	 * image can be processed block by block.
	 *
	 * @throws java.util.concurrent.CancellationException
	 *             if the monitor canceled; the target is then partly written
	 */
	public void applyTo( final RandomAccessibleInterval< ? extends RealType< ? > > source,
			final RandomAccessibleInterval< ? extends RealType< ? > > target )
	{
		run( source, target, new long[ source.numDimensions() ] );
	}

	/**
	 * @param shift
	 *            the output position of target position {@code p} is
	 *            {@code p + shift}
	 */
	private void run( final RandomAccessibleInterval< ? extends RealType< ? > > source,
			final RandomAccessibleInterval< ? extends RealType< ? > > target, final long[] shift )
	{
		if ( source.numDimensions() != target.numDimensions() )
			throw new IllegalArgumentException( "The source has " + source.numDimensions()
					+ " axes but the target has " + target.numDimensions() + "." );
		final Kernel k = correlationKernel( source.numDimensions() );
		final Method m = MethodChooser.choose( method, target, k );
		if ( m != method && method != Method.AUTO )
			monitor.warn( "Method '" + method.token() + "' cannot take this kernel; "
					+ "it is computed directly." );
		switch ( m )
		{
		case SEPARABLE:
			SeparableCorrelator.correlate( source, boundary, k, SeparableKernel.of( k ), target,
					shift, monitor );
			break;
		case FFT:
			FftCorrelator.correlate( source, boundary, k, target, shift, monitor );
			break;
		default:
			DirectCorrelator.correlate( source, boundary, k, target, shift, monitor );
		}
	}

	/**
	 * @return the method that {@link #apply} and its siblings would use on
	 *         this source: the requested one, or for {@link Method#AUTO} the
	 *         one the cost model finds fastest; a method that cannot take the
	 *         kernel (such as {@link Method#SEPARABLE} for a kernel that is
	 *         not an outer product) gives way to {@link Method#DIRECT}
	 */
	public Method chosenMethod( final Interval source )
	{
		final Kernel k = correlationKernel( source.numDimensions() );
		return MethodChooser.choose( method, outputInterval( source ), k );
	}

	/** The kernel to correlate with: normalised, reflected for convolution, n-D. */
	private Kernel correlationKernel( final int numDimensions )
	{
		Kernel k = kernel;
		if ( normalize )
		{
			if ( k.sum() == 0 )
				monitor.warn( "The kernel sums to zero, so it cannot be normalised; "
						+ "it is used as it is." );
			k = k.normalized();
		}
		return operation.asCorrelation( k ).withDimensions( numDimensions );
	}
}
